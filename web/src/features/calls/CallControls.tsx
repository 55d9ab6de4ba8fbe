import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import { CallIcon, type CallIconName } from './CallIcon';
import type { CallSession } from './engine/session';

interface RoundProps {
  icon: CallIconName;
  label: string;
  onClick(): void;
  pressed?: boolean;
  variant?: 'neutral' | 'danger' | 'off';
  disabled?: boolean;
}

function Round({ icon, label, onClick, pressed, variant = 'neutral', disabled }: RoundProps) {
  return (
    <button
      type="button"
      className={`call-round call-round--${variant} call-round--small`}
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
    >
      <CallIcon name={icon} />
    </button>
  );
}

/** Mute, camera, screen, devices, people and leave: every button names what it does. */
export function CallControls({ session, peopleOpen, onPeople }: { session: CallSession; peopleOpen: boolean; onPeople(): void }) {
  const { t } = useTranslation();
  const v = session.view;
  const live = v.phase !== 'ended' && v.phase !== 'preparing';
  const canShare = typeof navigator.mediaDevices?.getDisplayMedia === 'function';
  return (
    <div className="call-controls" role="toolbar" aria-label={t('calls.controls.label')}>
      <Round
        icon={v.muted ? 'micOff' : 'mic'}
        label={v.muted ? t('calls.controls.unmute') : t('calls.controls.mute')}
        pressed={v.muted}
        variant={v.muted ? 'off' : 'neutral'}
        disabled={!v.local}
        onClick={() => session.toggleMute()}
      />
      <Round
        icon={v.camera ? 'video' : 'videoOff'}
        label={v.camera ? t('calls.controls.cameraOff') : t('calls.controls.cameraOn')}
        pressed={!v.camera}
        variant={v.camera ? 'neutral' : 'off'}
        disabled={!v.local}
        onClick={() => void session.toggleCamera()}
      />
      {canShare ? (
        <Round
          icon="screen"
          label={v.screen ? t('calls.controls.stopShare') : t('calls.controls.share')}
          pressed={v.screen !== null}
          disabled={!live || v.callId === null}
          onClick={() => void session.toggleScreen()}
        />
      ) : null}
      <DeviceMenu session={session} />
      <Round icon="people" label={t('calls.controls.people')} pressed={peopleOpen} onClick={onPeople} />
      <Round
        icon="hangUp"
        label={v.phase === 'ringing' ? t('calls.controls.cancel') : t('calls.controls.leave')}
        variant="danger"
        disabled={v.phase === 'ended'}
        onClick={() => session.hangUp()}
      />
    </div>
  );
}

/** The microphone and camera to use, from the devices the browser lists (labels once media is allowed). */
function DeviceMenu({ session }: { session: CallSession }) {
  const { t } = useTranslation();
  const { devices, mic, cam } = session.view;
  const name = (d: MediaDeviceInfo, i: number) => d.label || t('calls.controls.device', { n: i + 1 });
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="call-round call-round--neutral call-round--small" aria-label={t('calls.controls.devices')}>
        <CallIcon name="settings" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="select-content call-devices" side="top" align="center" sideOffset={8}>
          <DropdownMenu.Label className="call-devices__label">{t('calls.controls.microphone')}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={mic ?? ''} onValueChange={(id) => void session.chooseMicrophone(id)}>
            {devices.microphones.map((d, i) => (
              <DropdownMenu.RadioItem key={d.deviceId} value={d.deviceId} className="select-item">
                <DropdownMenu.ItemIndicator className="call-devices__tick">✓</DropdownMenu.ItemIndicator>
                {name(d, i)}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          {devices.cameras.length ? (
            <>
              <DropdownMenu.Separator className="call-devices__sep" />
              <DropdownMenu.Label className="call-devices__label">{t('calls.controls.camera')}</DropdownMenu.Label>
              <DropdownMenu.RadioGroup value={cam ?? ''} onValueChange={(id) => void session.chooseCamera(id)}>
                {devices.cameras.map((d, i) => (
                  <DropdownMenu.RadioItem key={d.deviceId} value={d.deviceId} className="select-item">
                    <DropdownMenu.ItemIndicator className="call-devices__tick">✓</DropdownMenu.ItemIndicator>
                    {name(d, i)}
                  </DropdownMenu.RadioItem>
                ))}
              </DropdownMenu.RadioGroup>
            </>
          ) : null}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
