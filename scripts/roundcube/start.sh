#!/usr/bin/env bash
# Starts a throw-away Roundcube 1.6 on loopback for browser tests (issue 4: "a real webmail"):
# dovecot (IMAP) + an aiosmtpd sink that stores every sent message in a Maildir + `php -S` serving
# Debian's Roundcube with an overlay config. Nothing outside the state directory is touched.
#
# Usage: start.sh [--state-dir DIR] [--editor plain|html]
# Prints one line of JSON (also written to DIR/stack.json) once every service answers:
#   {"url", "user", "password", "email", "imapPort", "smtpPort", "httpPort", "sinkMaildir",
#    "editorFile", "stateDir", "pids": {...}}
# Stop with: stop.sh DIR
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROUNDCUBE_ROOT=/var/lib/roundcube
ETC_ROUNDCUBE=/etc/roundcube
# Debian's python has aiosmtpd; a pyenv `python3` earlier on PATH does not.
SYSTEM_PYTHON=/usr/bin/python3

STATE_DIR=""
EDITOR_MODE=plain
while [[ $# -gt 0 ]]; do
  case "$1" in
    --state-dir) STATE_DIR="$2"; shift 2 ;;
    --editor) EDITOR_MODE="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "start.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
case "$EDITOR_MODE" in plain|html) ;; *) echo "start.sh: --editor must be plain or html" >&2; exit 2 ;; esac

for bin in /usr/sbin/dovecot /usr/bin/php "$SYSTEM_PYTHON"; do
  [[ -x "$bin" ]] || { echo "start.sh: $bin missing; run scripts/roundcube/install-deps.sh" >&2; exit 3; }
done
[[ -f "$ROUNDCUBE_ROOT/public_html/index.php" ]] || { echo "start.sh: Roundcube not installed; run scripts/roundcube/install-deps.sh" >&2; exit 3; }
"$SYSTEM_PYTHON" -c 'import aiosmtpd' 2>/dev/null || { echo "start.sh: python3-aiosmtpd missing; run scripts/roundcube/install-deps.sh" >&2; exit 3; }

if [[ -z "$STATE_DIR" ]]; then STATE_DIR="$(mktemp -d /tmp/roundcube-XXXXXX)"; fi
mkdir -p "$STATE_DIR"
STATE_DIR="$(cd "$STATE_DIR" && pwd)"
# dovecot's login and mail processes run as unprivileged users and must traverse the state dir (mktemp gives 0700).
chmod 755 "$STATE_DIR"

started_pids=()
fail() {
  echo "start.sh: $*" >&2
  for pid in "${started_pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  for log in "$STATE_DIR"/logs/*.log "$STATE_DIR"/dovecot/dovecot.log; do
    [[ -s "$log" ]] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
  done
  exit 1
}

read -r IMAP_PORT SMTP_PORT HTTP_PORT < <("$SYSTEM_PYTHON" - <<'PY'
import socket
socks = [socket.socket() for _ in range(3)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])
for s in socks:
    s.close()
PY
)

MAIL_USER="alice@acme.example"
MAIL_PASSWORD="alice-secret"
MAIL_UID="$(id -u nobody)"
MAIL_GID="$(id -g nobody)"

# --- IMAP: dovecot with its own config, run dir and state dir --------------------------------------
DOVECOT_DIR="$STATE_DIR/dovecot"
MAIL_HOME="$STATE_DIR/mail/alice"
mkdir -p "$DOVECOT_DIR/run" "$DOVECOT_DIR/state" "$MAIL_HOME"
chown -R "$MAIL_UID:$MAIL_GID" "$STATE_DIR/mail"
echo "$MAIL_USER:{PLAIN}$MAIL_PASSWORD:$MAIL_UID:$MAIL_GID::$MAIL_HOME" > "$DOVECOT_DIR/users"
chmod 644 "$DOVECOT_DIR/users"
# dovecot wants each setting of a { } block on its own line.
cat > "$DOVECOT_DIR/dovecot.conf" <<EOF
protocols = imap
listen = 127.0.0.1
base_dir = $DOVECOT_DIR/run
state_dir = $DOVECOT_DIR/state
instance_name = roundcube-test-$HTTP_PORT
log_path = $DOVECOT_DIR/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = $MAIL_UID
last_valid_uid = $MAIL_UID
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DOVECOT_DIR/users
}
userdb {
  driver = passwd-file
  args = username_format=%u $DOVECOT_DIR/users
}
namespace inbox {
  inbox = yes
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
EOF
setsid /usr/sbin/dovecot -F -c "$DOVECOT_DIR/dovecot.conf" </dev/null >"$DOVECOT_DIR/stdout.log" 2>&1 &
DOVECOT_PID=$!
started_pids+=("$DOVECOT_PID")

# --- SMTP: a sink that stores every message it receives ------------------------------------------
SINK_MAILDIR="$STATE_DIR/sink"
# The Mailbox handler creates tmp/new/cur only when the directory does not exist yet: let it.
rm -rf "$SINK_MAILDIR"
setsid "$SYSTEM_PYTHON" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$SINK_MAILDIR" \
  </dev/null >"$STATE_DIR/smtp-sink.log" 2>&1 &
SMTP_PID=$!
started_pids+=("$SMTP_PID")

# --- Web: Roundcube under php -S with an overlay config dir ----------------------------------------
CONFIG_DIR="$STATE_DIR/roundcube-config"
mkdir -p "$CONFIG_DIR" "$STATE_DIR/logs" "$STATE_DIR/temp"
# Everything from Debian's config dir except the site config and its database settings.
for f in "$ETC_ROUNDCUBE"/*; do
  case "$(basename "$f")" in config.inc.php|debian-db.php|debian-db-roundcube.php) continue ;; esac
  ln -sfn "$f" "$CONFIG_DIR/$(basename "$f")"
done
EDITOR_FILE="$STATE_DIR/htmleditor"
if [[ "$EDITOR_MODE" == html ]]; then echo 1 > "$EDITOR_FILE"; else echo 0 > "$EDITOR_FILE"; fi
DES_KEY="$(head -c 18 /dev/urandom | base64 | tr -d '\n/+=' | head -c 24)"
while [[ ${#DES_KEY} -lt 24 ]]; do DES_KEY="${DES_KEY}x"; done
cat > "$CONFIG_DIR/config.inc.php" <<EOF
<?php
\$config = [];
// A fresh sqlite file: Roundcube creates its schema on first use.
\$config['db_dsnw'] = 'sqlite:///$STATE_DIR/roundcube.sqlite?mode=0640';
\$config['imap_host'] = '127.0.0.1:$IMAP_PORT';
\$config['smtp_host'] = '127.0.0.1:$SMTP_PORT';
// The sink accepts anything and offers no AUTH.
\$config['smtp_user'] = '';
\$config['smtp_pass'] = '';
\$config['smtp_log'] = true;
\$config['des_key'] = '$DES_KEY';
\$config['log_dir'] = '$STATE_DIR/logs/';
\$config['temp_dir'] = '$STATE_DIR/temp/';
\$config['log_driver'] = 'file';
\$config['skin'] = 'elastic';
\$config['plugins'] = [];
\$config['enable_spellcheck'] = false;
\$config['support_url'] = '';
\$config['product_name'] = 'Roundcube Webmail';
\$config['language'] = 'en_US';
// Autosave would write drafts to IMAP while a test is typing; tests compose and send within seconds.
\$config['draft_autosave'] = 0;
// Read on every request, so a test switches plain textarea (0) / TinyMCE (1) by rewriting one file.
\$config['htmleditor'] = (int) trim((string) @file_get_contents('$EDITOR_FILE'));
EOF
chmod 644 "$CONFIG_DIR/config.inc.php"

# One worker: with several, about 1 run in 10 fails with "Requested compose session not found".
( cd "$ROUNDCUBE_ROOT/public_html" && \
  PHP_CLI_SERVER_WORKERS=1 RCUBE_CONFIG_PATH="$CONFIG_DIR" ROUNDCUBE_CONFIG_DIR="$CONFIG_DIR" \
  exec setsid /usr/bin/php -d variables_order=EGPCS -S "127.0.0.1:$HTTP_PORT" -t "$ROUNDCUBE_ROOT/public_html" \
  </dev/null >"$STATE_DIR/php-server.log" 2>&1 ) &
PHP_PID=$!
started_pids+=("$PHP_PID")

# --- Wait until every service answers -------------------------------------------------------------
"$SYSTEM_PYTHON" - "$IMAP_PORT" "$SMTP_PORT" "$HTTP_PORT" "$MAIL_USER" "$MAIL_PASSWORD" <<'PY' || fail "services did not come up"
import imaplib, smtplib, sys, time, urllib.request
imap_port, smtp_port, http_port = map(int, sys.argv[1:4])
user, password = sys.argv[4], sys.argv[5]
deadline = time.time() + 30
def retry(what, fn):
    last = None
    while time.time() < deadline:
        try:
            return fn()
        except Exception as e:  # noqa: BLE001 - any failure means "not yet"
            last = e
            time.sleep(0.1)
    sys.exit(f"{what} not ready: {last}")
def imap():
    c = imaplib.IMAP4("127.0.0.1", imap_port)
    c.login(user, password)
    c.logout()
def smtp():
    with smtplib.SMTP("127.0.0.1", smtp_port, timeout=2) as s:
        s.noop()
def http():
    with urllib.request.urlopen(f"http://127.0.0.1:{http_port}/", timeout=10) as r:
        body = r.read().decode("utf-8", "replace")
        if "rcmloginuser" not in body:
            raise RuntimeError("login form missing: " + body[:300])
retry("IMAP", imap)
retry("SMTP", smtp)
retry("HTTP", http)
PY

cat > "$STATE_DIR/stack.json" <<EOF
{"url":"http://127.0.0.1:$HTTP_PORT/","user":"$MAIL_USER","password":"$MAIL_PASSWORD","email":"$MAIL_USER","imapPort":$IMAP_PORT,"smtpPort":$SMTP_PORT,"httpPort":$HTTP_PORT,"sinkMaildir":"$SINK_MAILDIR","editorFile":"$EDITOR_FILE","stateDir":"$STATE_DIR","logDir":"$STATE_DIR/logs","pids":{"dovecot":$DOVECOT_PID,"smtp":$SMTP_PID,"php":$PHP_PID}}
EOF
cat "$STATE_DIR/stack.json"
