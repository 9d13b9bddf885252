# Shared by bin/local-api and bin/iotda-admin: build the local tools once (quietly), then run a class of them.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/tools/local/target/iotda-local-1.0.0-SNAPSHOT.jar"
# When the tools were last built (tools/local's package phase touches it): Maven leaves the jar as it is when its
# classes did not change, so the jar's own time cannot tell whether a build is due. Only what the tools ship counts
# (main sources, resources, poms), not tests.
built="$root/tools/local/target/.tools-built"
# The tools are short-lived and this machine may have two cores: the quick compiler alone starts them faster (the
# local API's start line came 0.58-0.67 of the time, bench/local-api-start) and, for the first thousands of requests,
# serves them faster too, since the optimizing compiler's threads no longer compete with them (docs/performance.md).
jit_options=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1)

classpath() {
  # The jars one by one, in a fixed order: a class-data archive records the class path it was made with.
  echo "$jar:$(find "$root/tools/local/target/lib" -name '*.jar' | sort | paste -sd: -)"
}

build_if_needed() {
  local newest
  newest=$(find "$root/pom.xml" "$root/shared" "$root/functions" "$root/tools" -newer "$built" \
           \( -name '*.java' -o -name 'pom.xml' -o -name '*.json' \) -not -path '*/target/*' \
           -not -path '*/src/test/*' -print -quit 2>/dev/null || true)
  if [ ! -f "$jar" ] || [ ! -f "$built" ] || [ -n "$newest" ]; then
    echo "building the local tools: about 2 minutes the first time (Maven fetches and compiles), seconds after a" \
         "change; later starts take about 2 s" >&2
    (cd "$root" && mvn -B -q -DskipTests -pl tools/local -am install) >&2
  fi
}

# A class-data-sharing archive of what a tool loads makes its next start faster (the local API: 2.15 -> 1.31 s to
# its first answer, docs/performance.md). It must be made by the JVM that uses it, for these exact jars. The local
# API's is made before its first start after a build, by a start that stops when ready (--check), so that no stop
# has to write it; the operator CLI's is written when its first run after a build exits.
jsa_path() {
  local main="$1" java_home
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  echo "$root/tools/local/target/cds/${main##*.}-$(basename "$java_home").jsa"
}

train_local_api() {
  local jsa
  jsa=$(jsa_path cloud.iotda.local.LocalApi)
  mkdir -p "$(dirname "$jsa")" 2>/dev/null && rm -f "$jsa" 2>/dev/null || return 0
  (cd "$root" && java "${jit_options[@]}" -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Dsqlite4java.library.path="$root/tools/local/target/native-libs" -cp "$(classpath)" \
    cloud.iotda.local.LocalApi --check --port 0 --dynamodb-port 0 > /dev/null 2>&1) || rm -f "$jsa"
}

archive_fresh() {
  local jsa
  jsa=$(jsa_path "$1")
  [ -f "$jsa" ] && [ -z "$(find "$jar" "$root/tools/local/target/lib" -newer "$jsa" -print -quit)" ]
}

cds_options() {
  local jsa
  jsa=$(jsa_path "$1")
  if archive_fresh "$1"; then
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
  if [ "$main" = cloud.iotda.local.LocalApi ] && ! archive_fresh "$main"; then
    echo "recording what a start loads, so that later starts are faster (once after a build, a few seconds)" >&2
    train_local_api
  fi
  exec java "$(cds_options "$main")" "${jit_options[@]}" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Dsqlite4java.library.path="$root/tools/local/target/native-libs" -cp "$(classpath)" "$main" "$@"
}
