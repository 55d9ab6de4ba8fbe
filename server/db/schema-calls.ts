/** Table types of calls (migration 0022_calls). */

export interface CallsTable {
  id: string;
  org_id: string;
  conversation_id: string;
  media: 'audio' | 'video';
  mode: 'p2p' | 'sfu';
  state: 'ringing' | 'active' | 'ended';
  outcome: 'completed' | 'missed' | 'declined' | 'busy' | 'failed' | null;
  started_by: string;
  sharer_id: string | null;
  /** The history message of the call (a system message with action 'call'). */
  message_id: string | null;
  created_at: number;
  answered_at: number | null;
  ended_at: number | null;
  updated_at: number;
}

export interface CallParticipantsTable {
  call_id: string;
  person_id: string;
  org_id: string;
  state: 'ringing' | 'joined' | 'declined' | 'missed' | 'busy' | 'left';
  /** While joined: the realtime socket (device) taking part, and its session. */
  connection_id: string | null;
  session_id: string | null;
  /** 0 or 1. */
  muted: number;
  camera: number;
  rung_at: number;
  joined_at: number | null;
  left_at: number | null;
  /** When the joined socket was seen closed; the device has CALL_REJOIN_GRACE_MS to come back. */
  gone_at: number | null;
}

export interface CallsDatabase {
  calls: CallsTable;
  call_participants: CallParticipantsTable;
}
