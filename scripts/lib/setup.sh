# Shared set-up for the scripts at the repository root (classify-samples, serve-local,
# run-tests, train). Every function prints errors to stderr. install_npm_packages needs the
# repository root as the working directory.

# Prints the usage of script $1 to stderr: its header comment from the line "# Usage:" on.
print_usage() {
  sed -n '/^# Usage:/,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$1" >&2
}

# Prints the feature version (such as 21) of the JDK in folder $1, or nothing.
jdk_version() {
  if [[ -f $1/release ]]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  elif [[ -x $1/bin/java ]]; then
    "$1/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
  fi
}

# Prints the JDK to use: JAVA_HOME when set, else the first JDK 21+ under /usr/lib/jvm.
pick_jdk() {
  local dir version
  if [[ -n ${JAVA_HOME:-} ]]; then
    version=$(jdk_version "$JAVA_HOME")
    if [[ -x $JAVA_HOME/bin/javac && ${version:-0} -ge 21 ]]; then
      echo "$JAVA_HOME"
      return
    fi
    echo "JAVA_HOME=$JAVA_HOME is not a JDK 21 or newer (version ${version:-unknown})." \
      "Point JAVA_HOME at a JDK 21+ or unset it to search /usr/lib/jvm." >&2
    return 1
  fi
  for dir in /usr/lib/jvm/*; do
    version=$(jdk_version "$dir")
    if [[ -x $dir/bin/javac && ${version:-0} -ge 21 ]]; then
      echo "$dir"
      return
    fi
  done
  echo "No JDK 21 or newer found: JAVA_HOME is unset and /usr/lib/jvm has none." \
    "Install a JDK 21+ (for example Temurin 21) and set JAVA_HOME to it." >&2
  return 1
}

# Exports JAVA_HOME as picked by pick_jdk and puts its java first on the PATH.
use_jdk() {
  JAVA_HOME=$(pick_jdk)
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
}

# Installs the npm packages of package-lock.json (npm ci) when node_modules lacks one of them.
install_npm_packages() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "Node.js 20 or newer with npm is needed for the local DynamoDB server (dynalite)." \
      "Install it and run the command again." >&2
    return 1
  fi
  local package
  for package in dynalite playwright-core cfn-lint; do
    if [[ ! -f node_modules/$package/package.json ]]; then
      echo "Installing the npm packages from package-lock.json (npm ci)..." >&2
      npm ci --no-audit --no-fund >&2
      return
    fi
  done
}

# Installs Debian's Chromium for the browser test when /usr/bin/chromium is missing. Needs root
# and apt-get; otherwise it stops with the command to run.
install_chromium() {
  if [[ -x /usr/bin/chromium ]]; then
    return
  fi
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    echo "The browser test needs Chromium at /usr/bin/chromium." \
      "Install it (sudo apt-get install chromium) and run the command again." >&2
    return 1
  fi
  echo "Installing Chromium from Debian's packages for the browser test..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
}

# Prints the JVM options the local tools and the training job need on the picked JDK.
local_java_options() {
  echo "--enable-native-access=ALL-UNNAMED"
  if (($(jdk_version "$JAVA_HOME") >= 23)); then
    # Guava, under S3Proxy, still calls sun.misc.Unsafe, which JDK 23+ warns about by default.
    echo "--sun-misc-unsafe-memory-access=allow"
  fi
}
