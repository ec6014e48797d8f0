#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian machine: the Debian packages that are
# missing, then .venv (Debian's python3 with system site-packages, so `uno`
# imports) with the project and its dev tools installed into it.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libreoffice-writer libreoffice-calc python3-uno libreoffice-script-provider-python
              python3-venv xvfb xauth x11-apps xdotool poppler-utils fonts-noto-cjk imagemagick
              libreoffice-l10n-zh-cn fonts-arphic-ukai)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages"
  .venv/bin/pip install -q --disable-pip-version-check -e '.[dev]'
  touch "$stamp"
fi
.venv/bin/python -c "import uno, docx, docxtpl, lxml" || { echo "setup: a dependency does not import" >&2; exit 1; }
