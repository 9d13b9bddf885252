# Shared by bin/local-api and bin/iotda-admin: build the local tools once (quietly), then run a class of them.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/tools/local/target/iotda-local-1.0.0-SNAPSHOT.jar"
# When the tools were last built (tools/local's package phase touches it): Maven leaves the jar as it is when its
# classes did not change, so the jar's own time cannot tell whether a build is due. Only what the tools ship counts
# (main sources, resources, poms), not tests.
built="$root/tools/local/target/.tools-built"

build_if_needed() {
  local newest
  newest=$(find "$root/pom.xml" "$root/shared" "$root/functions" "$root/tools" -newer "$built" \
           \( -name '*.java' -o -name 'pom.xml' -o -name '*.json' \) -not -path '*/target/*' \
           -not -path '*/src/test/*' -print -quit 2>/dev/null || true)
  if [ ! -f "$jar" ] || [ ! -f "$built" ] || [ -n "$newest" ]; then
    echo "building the local tools (once)..." >&2
    (cd "$root" && mvn -B -q -DskipTests -pl tools/local -am install) >&2
  fi
}

# A class-data-sharing archive of what a tool loads makes its next start faster (the local API: 2.15 -> 1.31 s to
# its first answer, docs/performance.md). It must be made by the JVM that uses it, for these exact jars: the first
# run after a build (or with another java) writes it at exit, later runs use it; a stale one is ignored quietly.
cds_options() {
  local main="$1" java_home jsa
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  jsa="$root/tools/local/target/cds/${main##*.}-$(basename "$java_home").jsa"
  if [ -f "$jsa" ] && [ -z "$(find "$jar" "$root/tools/local/target/lib" -newer "$jsa" -print -quit)" ]; then
    echo "-XX:SharedArchiveFile=$jsa"
  elif mkdir -p "$(dirname "$jsa")" 2>/dev/null && rm -f "$jsa" 2>/dev/null; then
    echo "-XX:ArchiveClassesAtExit=$jsa"
  else
    echo "-Xshare:auto" # nowhere to write one: start as before
  fi
}

run_class() {
  local main="$1"; shift
  build_if_needed
  # The jars one by one, in a fixed order: the archive records the class path it was made with.
  local classpath
  classpath="$jar:$(find "$root/tools/local/target/lib" -name '*.jar' | sort | paste -sd: -)"
  exec java "$(cds_options "$main")" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Dsqlite4java.library.path="$root/tools/local/target/native-libs" -cp "$classpath" "$main" "$@"
}
