import type { CallMedia } from '../../../api/calls';

/** Why local media could not start, in words the UI translates. */
export type MediaProblem = 'denied' | 'notFound' | 'inUse' | 'unsupported' | 'other';

export class MediaError extends Error {
  constructor(readonly problem: MediaProblem) {
    super(problem);
    this.name = 'MediaError';
  }
}

function problemOf(err: unknown): MediaProblem {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'notFound';
  if (name === 'NotReadableError' || name === 'AbortError') return 'inUse';
  return 'other';
}

const AUDIO: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
const VIDEO: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 24, max: 30 } };

export function mediaSupported(): boolean {
  return typeof RTCPeerConnection !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
}

/**
 * The microphone, and the camera when `camera` is asked. A camera that cannot start does not stop
 * the call: it goes on with sound only (the caller sees the camera off).
 */
export async function openLocalMedia(camera: boolean, mic: string | null, cam: string | null): Promise<MediaStream> {
  if (!mediaSupported()) throw new MediaError('unsupported');
  const audio = mic ? { ...AUDIO, deviceId: { exact: mic } } : AUDIO;
  try {
    if (camera) {
      try {
        return await navigator.mediaDevices.getUserMedia({ audio, video: cam ? { ...VIDEO, deviceId: { exact: cam } } : VIDEO });
      } catch (err) {
        if (problemOf(err) === 'denied') throw err;
      }
    }
    return await navigator.mediaDevices.getUserMedia({ audio });
  } catch (err) {
    throw new MediaError(problemOf(err));
  }
}

export async function openCamera(cam: string | null): Promise<MediaStreamTrack> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: cam ? { ...VIDEO, deviceId: { exact: cam } } : VIDEO });
    const track = stream.getVideoTracks()[0];
    if (!track) throw new MediaError('notFound');
    return track;
  } catch (err) {
    throw err instanceof MediaError ? err : new MediaError(problemOf(err));
  }
}

export async function openMicrophone(mic: string): Promise<MediaStreamTrack> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: { ...AUDIO, deviceId: { exact: mic } } });
    const track = stream.getAudioTracks()[0];
    if (!track) throw new MediaError('notFound');
    return track;
  } catch (err) {
    throw err instanceof MediaError ? err : new MediaError(problemOf(err));
  }
}

/** The whole screen, a window or a tab, as the person picks in the browser's own dialog. */
export async function openScreen(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getDisplayMedia) throw new MediaError('unsupported');
  try {
    return await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15, max: 30 } }, audio: false });
  } catch (err) {
    throw new MediaError(problemOf(err));
  }
}

export interface Devices {
  microphones: MediaDeviceInfo[];
  cameras: MediaDeviceInfo[];
}

/** Labels are only told once the page was allowed a device, i.e. once the call's media started. */
export async function listDevices(): Promise<Devices> {
  const all = await navigator.mediaDevices.enumerateDevices().catch(() => []);
  return {
    microphones: all.filter((d) => d.kind === 'audioinput' && d.deviceId),
    cameras: all.filter((d) => d.kind === 'videoinput' && d.deviceId),
  };
}

export const wantsCamera = (media: CallMedia): boolean => media === 'video';

export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
