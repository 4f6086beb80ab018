#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots from the real application under Xvfb: a 1280x800
# X screen the window fills, keys sent with xdotool, the screen grabbed with ImageMagick's
# `import -window root`. Theme, zoom, redaction and presentation come from a settings file in a
# throw-away config folder, never the real one.
#   docs/screenshots/take.sh            (Debian: apt-get install xvfb xauth xdotool imagemagick)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/meshcert.jar ] || ./mvnw -q -B -o -DskipTests package
out=docs/screenshots
c=src/test/resources/corpus/istio
files=(
  "$c/samples/certs/cert-chain.pem" "$c/samples/certs/root-cert.pem"
  "$c/samples/certs/workload-foo-cert.pem" "$c/samples/certs/leaf-workload-bar-cert.pem"
  "$c/tests/testdata/certs/pilot/cert-chain.pem" "$c/tests/testdata/certs/dns/cert-chain.pem"
)
tmp="$(mktemp -d)"

# shot NAME "SETTINGS LINES" "XDOTOOL STEPS" [ARGS...]: starts the app with ARGS (default: the
# files above), runs the steps, grabs the screen.
shot() {
  local name="$1" settings="$2" steps="$3" home="$tmp/$1"
  shift 3
  local args=("$@")
  [ "${#args[@]}" -gt 0 ] || args=("${files[@]}")
  mkdir -p "$home/config/meshcert"
  printf '%b' "$settings" >"$home/config/meshcert/settings.properties"
  XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" XDG_RUNTIME_DIR="$home/run" \
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
      java -Dprism.order=sw -Djavafx.cachedir=target/javafx-cache -jar target/meshcert.jar "$@" &
      app=$!
      for i in $(seq 60); do xdotool search --name "MeshCert Inspector" >/dev/null 2>&1 && break; sleep 1; done
      sleep 6
      '"$steps"'
      sleep 2
      import -window root "'"$out/$name"'.png"
      kill $app' _ "${args[@]}"
  echo "$out/$name.png"
}

# The tree's first row, then down to the SPIFFE workload certificate of workload-foo-cert.pem.
select_leaf='xdotool mousemove 200 132 click 1; sleep 1; xdotool key Home Down Down Down Down Down Down; sleep 1'

shot inspect "theme=light\n" "$select_leaf"
shot inspect-dark "theme=dark\n" "$select_leaf"
shot redacted "theme=light\nredact=true\nredact.names=true\n" "$select_leaf"
shot presentation "theme=light\npresentation=true\nredact=true\n" "$select_leaf"
shot shortcuts "theme=light\n" "$select_leaf; xdotool key F1"
shot about "theme=dark\n" \
  "xdotool key F10; sleep 1; xdotool key Left; sleep 0.5; xdotool key Down; sleep 0.5; xdotool key Down; sleep 0.5; xdotool key Return"
# The Cluster screen on the built-in demo mesh (no cluster needed).
shot cluster "theme=light\n" "xdotool mousemove 200 132 click 1; xdotool key ctrl+Tab; sleep 8" --demo
shot cluster-redacted "theme=dark\nredact=true\nredact.names=true\n" \
  "xdotool mousemove 200 132 click 1; xdotool key ctrl+Tab; sleep 8" --demo
