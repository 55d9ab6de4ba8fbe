import { fetchIceServers } from '../../../api/calls';

/**
 * The STUN/TURN servers of one call, asked of the server (GET /api/v1/calls/ice-servers). TURN
 * credentials are short-lived: they are asked again a minute before they stop working, and every
 * ICE restart puts fresh ones on its connection first.
 */
export class IceServers {
  private held: { config: RTCConfiguration; expiresAt: number } | null = null;

  async config(): Promise<RTCConfiguration> {
    if (this.held && this.held.expiresAt - Date.now() > 60_000) return this.held.config;
    try {
      const answer = await fetchIceServers();
      this.held = {
        config: { iceServers: answer.iceServers, iceTransportPolicy: answer.iceTransportPolicy },
        expiresAt: answer.expiresAt ? Date.parse(answer.expiresAt) : Infinity,
      };
    } catch {
      // Offline for a moment: host candidates still work on the same network; ask again next time.
      this.held ??= { config: { iceServers: [] }, expiresAt: 0 };
    }
    return this.held.config;
  }

  async refresh(pc: RTCPeerConnection): Promise<void> {
    pc.setConfiguration({ ...pc.getConfiguration(), ...(await this.config()) });
  }
}
