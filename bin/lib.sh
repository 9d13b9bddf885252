# Shared by bin/local-api and bin/iotda-admin: build the local tools once (quietly), then run a class of them.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/tools/local/target/iotda-local-1.0.0-SNAPSHOT.jar"

build_if_needed() {
  local newest
  newest=$(find "$root/pom.xml" "$root/shared" "$root/functions" "$root/tools" -newer "$jar" \
           \( -name '*.java' -o -name 'pom.xml' -o -name '*.json' \) -not -path '*/target/*' -print -quit 2>/dev/null || true)
  if [ ! -f "$jar" ] || [ -n "$newest" ]; then
    echo "building the local tools (once)..." >&2
    (cd "$root" && mvn -B -q -DskipTests -pl tools/local -am install) >&2
  fi
}

run_class() {
  local main="$1"; shift
  build_if_needed
  exec java -Dsqlite4java.library.path="$root/tools/local/target/native-libs" \
    -cp "$jar:$root/tools/local/target/lib/*" "$main" "$@"
}
