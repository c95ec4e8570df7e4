#!/bin/sh
# install-debs.sh PACKAGE…: installs the Debian packages that are missing
# when run as root; otherwise names them and fails. Used by make's deps
# rules so that a fresh Debian 12 needs nothing installed by hand.
set -u
missing=
for p in "$@"; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "installing:$missing"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
else
	echo "missing Debian packages:$missing"
	echo "run 'make' as root, or: sudo apt-get install$missing"
	exit 1
fi
