import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { applySession } from '../features/session/sessionQuery';
import { applyChatSignal, onChatReady } from '../features/chat/chatCache';
import { pendingStore } from '../features/chat/stores';
import { applyCallConnection, applyCallSignal } from '../features/calls/callEvents';
import { callStore } from '../features/calls/callStore';
import { applyRealtimeEvent } from './applyEvent';
import { attachSender, emitConnection, emitReady, emitSignal, usePresenceReporter } from './live';
import { RealtimeTransport, type ConnectionState } from './transport';

/** Opens the live connection for the signed-in person for as long as the caller is mounted. */
export function useRealtimeConnection(startAfterSeq: number): ConnectionState {
  const client = useQueryClient();
  // The starting sequence matters only once: afterwards the transport tracks what it has seen.
  const [transport] = useState(
    () =>
      new RealtimeTransport(
        {
          onEvent: (event) => applyRealtimeEvent(client, event),
          onResync: () => void client.invalidateQueries(),
          onSignedOut: () => applySession(client, null),
          // Asking again gets each page its 403 with the hours, which puts the app on hold (outsideHours.ts).
          onRefused: () => void client.invalidateQueries(),
          onSignal: (signal) => {
            applyChatSignal(client, signal);
            applyCallSignal(signal);
            emitSignal(signal);
          },
          onReady: () => onChatReady(client, emitReady()),
          onConnection: (connectionId) => {
            emitConnection(connectionId);
            applyCallConnection();
          },
        },
        startAfterSeq,
      ),
  );
  useEffect(() => {
    attachSender((frame) => transport.send(frame));
    transport.start();
    return () => {
      transport.stop();
      attachSender(null);
      // The signed-in person's unsent messages are theirs alone: none stays for whoever signs in next.
      pendingStore.clear();
      callStore.clear();
    };
  }, [transport]);
  usePresenceReporter();
  return useSyncExternalStore(transport.subscribe, transport.getState);
}

const ConnectionContext = createContext<ConnectionState>('connecting');
export const ConnectionProvider = ConnectionContext.Provider;
export const useConnectionState = (): ConnectionState => useContext(ConnectionContext);
