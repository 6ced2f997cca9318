#!/usr/bin/env bash
# One-time set-up of a fresh Debian machine: system browsers, the Roundcube test stack, npm packages.
# Safe to run again: apt and npm ci are idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

need_apt=0
for bin in /usr/bin/chromium /usr/bin/firefox-esr /usr/sbin/dovecot /usr/bin/php8.2 /usr/bin/sqlite3 /usr/bin/openssl; do
  [ -x "$bin" ] || need_apt=1
done
[ -d /var/lib/roundcube/public_html ] || need_apt=1
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need_apt=1

if [ "$need_apt" = 1 ]; then
  echo "setup: installing system packages (Chromium, Firefox ESR, Roundcube test stack)…"
  # Roundcube's installer asks questions; answer them so it uses SQLite and leaves web servers alone.
  $SUDO debconf-set-selections <<'SEL'
roundcube-core roundcube/dbconfig-install boolean true
roundcube-core roundcube/database-type select sqlite3
roundcube-core roundcube/reconfigure-webserver multiselect
roundcube-core roundcube/restart-webserver boolean false
SEL
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends \
    chromium firefox-esr openssl ca-certificates \
    roundcube roundcube-core roundcube-sqlite3 roundcube-plugins sqlite3 php8.2-cli php8.2-cgi \
    dovecot-core dovecot-imapd python3-aiosmtpd
fi

echo "setup: installing npm packages…"
npm ci --no-audit --no-fund
