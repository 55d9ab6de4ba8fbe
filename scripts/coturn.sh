#!/usr/bin/env bash
# Runs coturn (Debian package `coturn`) as the TURN/STUN server of calls, from the same environment
# variables as the server, so the credentials the server signs are the ones coturn accepts.
#
#   TURN_SECRET=... scripts/coturn.sh            # TURN and STUN on port 3478, UDP and TCP
#
# Required: TURN_SECRET (the server's TURN_SECRET; coturn's static-auth-secret).
# Optional, read only by this script:
#   TURN_REALM        realm coturn names in its challenges (default: BASE_DOMAIN without its port)
#   TURN_PORT         TURN/STUN port, UDP and TCP (default 3478)
#   TURN_TLS_PORT     also TURN over TLS on this port (443 gets through most firewalls); needs
#   TURN_CERT, TURN_PKEY  the certificate chain and key (PEM) for the TURN host name
#   TURN_RELAY_PORTS  UDP ports relayed media uses, "from-to" (default 49152-65535)
#   TURN_EXTERNAL_IP  the public address when this machine is behind NAT ("public" or "public/private")
# Any further arguments go to turnserver as they are (for instance --denied-peer-ip=10.0.0.0-10.255.255.255).
set -euo pipefail

if [ -z "${TURN_SECRET:-}" ]; then
  echo "coturn.sh: set TURN_SECRET (the same value the server has)" >&2
  exit 1
fi
bin=${TURNSERVER_BIN:-turnserver}
if ! command -v "$bin" >/dev/null; then
  echo "coturn.sh: turnserver not found; install it with: apt-get install coturn" >&2
  exit 1
fi

base=${BASE_DOMAIN:-localhost:3000}
realm=${TURN_REALM:-${base%%:*}}
relay=${TURN_RELAY_PORTS:-49152-65535}

args=(
  # Only the command line counts: Debian's /etc/turnserver.conf is not read.
  -n
  --listening-port="${TURN_PORT:-3478}"
  --min-port="${relay%-*}"
  --max-port="${relay#*-}"
  # Short-lived credentials signed by the server (TURN REST API): nothing stored per person.
  --use-auth-secret
  --static-auth-secret="$TURN_SECRET"
  --realm="$realm"
  --fingerprint
  # Relaying to loopback addresses (coturn's default) and multicast is refused.
  --no-multicast-peers
  --no-cli
  --no-software-attribute
  --log-file=stdout
  --simple-log
)
if [ -n "${TURN_EXTERNAL_IP:-}" ]; then
  args+=(--external-ip="$TURN_EXTERNAL_IP")
fi
if [ -n "${TURN_TLS_PORT:-}" ]; then
  if [ -z "${TURN_CERT:-}" ] || [ -z "${TURN_PKEY:-}" ]; then
    echo "coturn.sh: TURN_TLS_PORT needs TURN_CERT and TURN_PKEY" >&2
    exit 1
  fi
  args+=(--tls-listening-port="$TURN_TLS_PORT" --cert="$TURN_CERT" --pkey="$TURN_PKEY" --no-dtls)
else
  args+=(--no-tls --no-dtls)
fi

exec "$bin" "${args[@]}" "$@"
