import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { fetchContext } from '../api/orgs';
import type { AppContextInfo } from '../api/types';
import { CompanyRoutes } from '../routes/CompanyRoutes';
import { RootRoutes } from '../routes/RootRoutes';
import { UnknownCompanyPage } from '../routes/UnknownCompanyPage';
import { BootError } from './BootError';
import { createQueryClient } from './queryClient';
import { Loading } from '../ui/Loading';
import { AppContextProvider } from './appContext';

export function App() {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <BrowserRouter>
        <Boot />
      </BrowserRouter>
    </QueryClientProvider>
  );
}

/** The same build serves the base domain and every company: the server says which one this is. */
function Boot() {
  const { t } = useTranslation();
  const context = useQuery({ queryKey: ['context'], queryFn: fetchContext, staleTime: Infinity });
  if (context.isPending) return <Loading block label={t('common.starting')} />;
  if (context.isError) return <BootError error={context.error} onRetry={() => void context.refetch()} />;
  return (
    <AppContextProvider value={context.data}>
      <Tenant info={context.data} />
    </AppContextProvider>
  );
}

function Tenant({ info }: { info: AppContextInfo }) {
  if (info.org) return <CompanyRoutes />;
  if (isBaseHost(info.baseUrl)) return <RootRoutes />;
  return <UnknownCompanyPage />;
}

function isBaseHost(baseUrl: string): boolean {
  try {
    return new URL(baseUrl).host === window.location.host;
  } catch {
    return true;
  }
}
