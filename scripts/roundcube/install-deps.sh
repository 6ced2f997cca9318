#!/usr/bin/env bash
# Installs what the Roundcube e2e stack (start.sh) needs, from Debian 12's own packages.
# The debconf answers keep roundcube's postinst from configuring a web server or a system database
# server: start.sh brings its own sqlite file, dovecot config and `php -S`.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
debconf-set-selections <<'SEL'
roundcube-core roundcube/dbconfig-install boolean true
roundcube-core roundcube/database-type select sqlite3
roundcube-core roundcube/reconfigure-webserver multiselect
roundcube-core roundcube/restart-webserver boolean false
SEL
if [[ "${SKIP_APT_UPDATE:-}" != 1 ]]; then apt-get update; fi
# php8.2-cgi satisfies roundcube's web-server/php dependency without pulling apache2.
apt-get install -y --no-install-recommends \
  roundcube roundcube-core roundcube-sqlite3 roundcube-plugins sqlite3 php8.2-cli php8.2-cgi \
  dovecot-core dovecot-imapd python3-aiosmtpd
