#!/bin/sh
# Starts the jar. A lower node (PARENT_URL set) first waits for its parent and pins the parent's seal root
# (trust on first use inside the deployment's private network; pin a file instead in production: PARENT_ROOT_FILE).
set -eu
mkdir -p /data/trusted-roots
if [ -n "${PARENT_URL:-}" ]; then
  pinned="${PARENT_ROOT_FILE:-/data/parent-root.pem}"
  if [ ! -s "$pinned" ]; then
    until curl -fsS "$PARENT_URL/ca/root.pem" -o "$pinned.tmp"; do echo "waiting for $PARENT_URL"; sleep 3; done
    mv "$pinned.tmp" "$pinned"
  fi
  set -- "$@" "--seal.service-mgmt.parent.base-url=$PARENT_URL" "--seal.service-mgmt.parent.pinned-certificate=$pinned"
fi
exec java ${JAVA_OPTS:-} -jar /app/app.jar "$@"
