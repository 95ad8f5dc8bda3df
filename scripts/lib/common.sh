# Shared helpers for scripts/run-server.sh and scripts/run-tests.sh (sourced, not run).
# They install only what is missing, so a second run starts at once and never touches apt.

say()  { printf '\033[1m==> %s\033[0m\n' "$*"; }
die()  { printf '\033[1;31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

# ensure_apt_packages PKG... — installs the Debian packages that are not installed yet.
# apt-get update runs only when something must be installed, and never asks a question.
ensure_apt_packages() {
  local missing=()
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
  say "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" || die "apt-get install ${missing[*]} failed"
}

# ensure_command CMD HINT — fails loudly when a required program is not on PATH.
ensure_command() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' not found: $2"
}

# ensure_npm_packages — installs package.json's front-end packages when node_modules is absent or stale.
ensure_npm_packages() {
  command -v npm >/dev/null 2>&1 || ensure_apt_packages nodejs npm
  ensure_command npm "install Node.js and npm (Debian: apt-get install nodejs npm)"
  # The CodeMirror bundle is npm ci's output too (postinstall): rebuilt when missing or when its build changed.
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ] || [ package.json -nt node_modules ] \
     || [ ! -f wwwroot/lib/codemirror/codemirror.js ] || [ -n "$(find scripts/codemirror -newer node_modules -print -quit)" ]; then
    say "Installing front-end packages (npm ci)"
    if [ -f package-lock.json ]; then
      npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed"
    else
      npm install --no-audit --no-fund --loglevel=error || die "npm install failed"
    fi
    touch node_modules
  fi
}

ensure_dotnet() {
  ensure_command dotnet "install the .NET 10 SDK (https://dot.net)"
  dotnet --list-sdks | grep -q '^10\.' || die "the .NET 10 SDK is required (found: $(dotnet --list-sdks | tr '\n' ' '))"
}
