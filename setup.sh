#!/bin/sh
# lede's one-step set-up for a Debian machine.
#
#   ./setup.sh demo    install what is missing, build, open the demo archive
#   ./setup.sh check   install what is missing, build, run the whole test suite
#   ./setup.sh build   install what is missing and build
#   ./setup.sh deps    only install the Debian packages lede needs
#
# Packages are installed with apt-get (through sudo when not root). The
# build happens in this directory; nothing is installed system-wide.
set -eu

cd "$(dirname "$0")"

PACKAGES="build-essential autoconf automake pkg-config libncurses-dev
libsqlite3-dev libxml2-dev libjson-c-dev libfribidi-dev libiniparser-dev zlib1g-dev libdeflate-dev
iso-codes wordnet-base wamerican tmux python3 git locales"

say() { printf 'setup: %s\n' "$*" >&2; }

deps() {
	missing=""
	for p in $PACKAGES; do
		if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		    grep -q "install ok installed"; then
			missing="$missing $p"
		fi
	done
	[ -z "$missing" ] && return 0
	say "installing:$missing"
	sudo=""
	if [ "$(id -u)" -ne 0 ]; then
		command -v sudo >/dev/null 2>&1 || {
			say "need root (or sudo) to install:$missing"; exit 1; }
		sudo=sudo
	fi
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	# shellcheck disable=SC2086
	$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

build() {
	if [ ! -x configure ] || [ configure.ac -nt configure ]; then
		say "generating configure"
		autoreconf -fi >/dev/null 2>&1 || autoreconf -fi
	fi
	if [ ! -f Makefile ] || [ configure -nt config.status ]; then
		say "configuring"
		./configure -q
	fi
	say "building"
	make -s -j2
}

check() {
	rc=0
	make -j2 check || rc=$?
	sh tests/summary.sh .
	return $rc
}

case "${1:-}" in
deps)	deps ;;
build)	deps; build ;;
demo)	deps; build; exec ./lede --demo ;;
check)	deps; build; check ;;
*)	sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
