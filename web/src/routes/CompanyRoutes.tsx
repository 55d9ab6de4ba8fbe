import { useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AdminPeoplePage } from '../features/admin/people/AdminPeoplePage';
import { AdminGroupsPage } from '../features/admin/groups/AdminGroupsPage';
import { ProfileFieldsPage } from '../features/admin/fields/ProfileFieldsPage';
import { AdminInvitationsPage } from '../features/admin/invites/AdminInvitationsPage';
import { ProvisioningPage } from '../features/admin/provisioning/ProvisioningPage';
import { AccessCodesPage } from '../features/admin/access-codes/AccessCodesPage';
import { AuditLogPage } from '../features/admin/audit/AuditLogPage';
import { SignInSettingsPage } from '../features/admin/sign-in/SignInSettingsPage';
import { SsoPage } from '../features/admin/sso/SsoPage';
import { IntegrationPage } from '../features/admin/integrations/IntegrationPage';
import { IntegrationsPage } from '../features/admin/integrations/IntegrationsPage';
import { WebhookPage } from '../features/admin/integrations/WebhookPage';
import { ClaimPage } from '../features/auth/ClaimPage';
import { ContinueSignInPage } from '../features/auth/ContinueSignInPage';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SignInPage } from '../features/auth/SignInPage';
import { GroupPage } from '../features/groups/GroupPage';
import { GroupsPage } from '../features/groups/GroupsPage';
import { HomePage } from '../features/home/HomePage';
import { JoinPage } from '../features/join/JoinPage';
import { DirectoryPage } from '../features/people/DirectoryPage';
import { PersonProfilePage } from '../features/person/PersonProfilePage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { SecurityPage } from '../features/security/SecurityPage';
import { useSessionQuery } from '../features/session/sessionQuery';
import { applyLocale } from '../i18n';
import { AppShell } from './AppShell';
import { RequireAdmin, RequireSession, SignedOutOnly } from './guards';
import { NotFoundPage } from './NotFoundPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { PostPage } from '../features/posts/PostPage';
import { ChatPage } from '../features/chat/ChatPage';
import { SearchPage } from '../features/search/SearchPage';

/** A company's address: signed-out screens, and the app itself once signed in. */
export function CompanyRoutes() {
  const session = useSessionQuery();
  const locale = session.data?.person.locale ?? null;
  const known = session.isSuccess;
  // The profile's language wins once signed in; "automatic" (null) follows the browser.
  useEffect(() => {
    if (known) applyLocale(locale);
  }, [known, locale]);

  return (
    <Routes>
      <Route element={<SignedOutOnly />}>
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
      </Route>
      <Route path="reset-password" element={<ResetPasswordPage />} />
      {/* Outside the signed-out guard: each sets the session itself, then goes on explicitly. */}
      <Route path="sign-in/continue" element={<ContinueSignInPage />} />
      <Route path="claim" element={<ClaimPage />} />
      <Route path="join/:token" element={<JoinPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppShell />}>
          <Route index element={<HomePage />} />
          <Route path="groups" element={<GroupsPage />} />
          <Route path="groups/:id/:tab?" element={<GroupPage />} />
          <Route path="people" element={<DirectoryPage />} />
          <Route path="people/:id" element={<PersonProfilePage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="security" element={<SecurityPage />} />
          <Route path="posts/:id" element={<PostPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="chat/:id?" element={<ChatPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="admin" element={<RequireAdmin />}>
            <Route index element={<Navigate to="people" replace />} />
            <Route path="people" element={<AdminPeoplePage />} />
            <Route path="invitations" element={<AdminInvitationsPage />} />
            <Route path="groups" element={<AdminGroupsPage />} />
            <Route path="profile-fields" element={<ProfileFieldsPage />} />
            <Route path="sign-in" element={<SignInSettingsPage />} />
            <Route path="sso" element={<SsoPage />} />
            <Route path="access-codes" element={<AccessCodesPage />} />
            <Route path="audit-log" element={<AuditLogPage />} />
            <Route path="provisioning" element={<ProvisioningPage />} />
            <Route path="integrations" element={<IntegrationsPage />} />
            <Route path="integrations/:id" element={<IntegrationPage />} />
            <Route path="integrations/:id/webhooks/:webhookId" element={<WebhookPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
