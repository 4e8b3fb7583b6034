#!/usr/bin/env bash
# A Crosscast cluster on this one machine, for development and tests: two nodes (WildFly's standalone-ha profile,
# configured by the scripts of this directory and cluster.cli) and WildFly's load balancer in front
# (load-balancer.cli), all on one PostgreSQL database, on port offsets. README, "Running a cluster".
#
#   wildfly-config/local-cluster.sh start     prepares the configurations (afresh), starts the balancer and the
#                                             nodes, waits until every node is ready and registered with the balancer
#   wildfly-config/local-cluster.sh stop      stops them (SIGTERM, then SIGKILL after 60 s)
#   wildfly-config/local-cluster.sh status    which processes run, each node's readiness
#   wildfly-config/local-cluster.sh kill N    SIGKILL node N (1 or 2): to watch the other take over its work
#   wildfly-config/local-cluster.sh start-node N   starts node N again (after a kill)
#   wildfly-config/local-cluster.sh prepare   (re)builds the configurations only
#
# Needs: a build (./mvnw -B -o -DskipTests -DskipITs verify: the unpacked WildFly, target/crosscast.war and
# target/drivers/postgresql.jar) and a running PostgreSQL with an empty or Crosscast database (the first node
# migrates it). Settings (environment variables, defaults in brackets):
#   CROSSCAST_DB_URL [jdbc:postgresql://localhost:5432/crosscast]  CROSSCAST_DB_USER, CROSSCAST_DB_PASSWORD [crosscast]
#   BALANCER_OFFSET [0]           the balancer's port offset: the application at http://localhost:8080+offset/
#   NODE_OFFSETS ["100 200"]      the nodes' port offsets (node1: http 8180, management 9990+100...)
#   CROSSCAST_SMTP_PORT [2525]    the SMTP server the nodes send through (on localhost)
#   NODE_JAVA_OPTS [-Xms256m -Xmx1g]   NODE_OPTS [none]: more -D options for every node
#   CLUSTER_DIR [target/cluster]  where the servers' directories and logs go
# Each process's output is in $CLUSTER_DIR/<name>/log/server.log; its PID in $CLUSTER_DIR/<name>.pid.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JBOSS_HOME="${JBOSS_HOME:-$(ls -d "$ROOT"/target/wildfly-* 2>/dev/null | head -1)}"
CLUSTER_DIR="${CLUSTER_DIR:-$ROOT/target/cluster}"
DB_URL="${CROSSCAST_DB_URL:-jdbc:postgresql://localhost:5432/crosscast}"
DB_USER="${CROSSCAST_DB_USER:-crosscast}"
DB_PASSWORD="${CROSSCAST_DB_PASSWORD:-crosscast}"
BALANCER_OFFSET="${BALANCER_OFFSET:-0}"
read -r -a OFFSETS <<< "${NODE_OFFSETS:-100 200}"
SMTP_PORT="${CROSSCAST_SMTP_PORT:-2525}"
NODE_JAVA_OPTS="${NODE_JAVA_OPTS:--Xms256m -Xmx1g}"
NODE_OPTS="${NODE_OPTS:-}"
CONFIG="$JBOSS_HOME/standalone/configuration"
HA_XML=standalone-crosscast-ha.xml
LB_XML=standalone-crosscast-balancer.xml

die() { echo "local-cluster: $*" >&2; exit 1; }
[ -d "$JBOSS_HOME" ] || die "no unpacked WildFly under target/: build first (./mvnw -B -o -DskipTests -DskipITs verify)"

cli() { # the CLI on the scripts given, offline (embedded server), on configuration $1
    local xml="$1"; shift
    local script="$CLUSTER_DIR/configure-$xml.cli"
    echo "embed-server --server-config=$xml --std-out=discard" > "$script"
    cat "$@" >> "$script"
    "$JBOSS_HOME/bin/jboss-cli.sh" --echo-command --properties="$CLUSTER_DIR/driver.properties" --file="$script" > "$CLUSTER_DIR/configure-$xml.log" 2>&1 \
        || die "configuring $xml failed: see $CLUSTER_DIR/configure-$xml.log"
}

prepare() {
    [ -f "$ROOT/target/crosscast.war" ] || die "no target/crosscast.war: build first"
    mkdir -p "$CLUSTER_DIR"
    echo "postgresql.driver.jar=$ROOT/target/drivers/postgresql.jar" > "$CLUSTER_DIR/driver.properties"
    local driver="$CLUSTER_DIR/driver.cli"
    if [ ! -d "$JBOSS_HOME/modules/org/postgresql" ]; then
        # the driver's module, as postgresql-driver.cli adds it (in a CLI session of its own: adding a module and
        # then reloading the embedded server in one session fails)
        "$JBOSS_HOME/bin/jboss-cli.sh" --command="module add --name=org.postgresql --resources=$ROOT/target/drivers/postgresql.jar --dependencies=[javax.api,jakarta.transaction.api]" \
            || die "could not add the PostgreSQL driver's module"
    fi
    # the driver registered on the module (the second half of postgresql-driver.cli)
    grep -v '^ *module add\|^#' "$ROOT/wildfly-config/postgresql-driver.cli" > "$driver"
    cp "$CONFIG/standalone-ha.xml" "$CONFIG/$HA_XML"
    local w="$ROOT/wildfly-config"
    # observability.cli reloads the server half-way; an embedded server's reload is unreliable from jboss-cli.sh, so
    # its two halves go into two CLI sessions instead (a new session boots the configuration afresh)
    sed '/^reload$/,$d' "$w/observability.cli" > "$CLUSTER_DIR/observability-1.cli"
    sed '1,/^reload$/d' "$w/observability.cli" > "$CLUSTER_DIR/observability-2.cli"
    cli "$HA_XML" "$driver" "$w/datasources-postgresql.cli" "$w/mail.cli" "$w/sending.cli" "$w/smpp.cli" \
        "$w/security.cli" "$w/demo-users.cli" "$w/web.cli" "$w/openapi.cli" "$CLUSTER_DIR/observability-1.cli"
    cli "$HA_XML" "$CLUSTER_DIR/observability-2.cli" "$w/cluster.cli"
    cp "$CONFIG/standalone-load-balancer.xml" "$CONFIG/$LB_XML"
    cli "$LB_XML" "$w/load-balancer.cli"
    echo "local-cluster: configurations $HA_XML and $LB_XML prepared in $CONFIG"
}

server_dir() { # a fresh server base directory: the configuration, and the application for a node
    local name="$1" dir="$CLUSTER_DIR/$1"
    rm -rf "$dir"
    mkdir -p "$dir/deployments" "$dir/log"
    cp -r "$CONFIG" "$dir/configuration"
    rm -rf "$dir/configuration/standalone_xml_history"
    [ "$name" = balancer ] || cp "$ROOT/target/crosscast.war" "$dir/deployments/"
}

launch() { # name offset config [options...]
    local name="$1" offset="$2" xml="$3"; shift 3
    local dir="$CLUSTER_DIR/$name"
    if [ -f "$CLUSTER_DIR/$name.pid" ] && kill -0 "$(cat "$CLUSTER_DIR/$name.pid")" 2>/dev/null; then
        die "$name runs already (PID $(cat "$CLUSTER_DIR/$name.pid"))"
    fi
    server_dir "$name"
    JBOSS_PIDFILE="$CLUSTER_DIR/$name.pid" LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="$NODE_JAVA_OPTS -Djava.net.preferIPv4Stack=true" \
        nohup "$JBOSS_HOME/bin/standalone.sh" -c "$xml" -Djboss.server.base.dir="$dir" \
        -Djboss.socket.binding.port-offset="$offset" "$@" > "$dir/log/console.log" 2>&1 &
    for _ in $(seq 1 30); do [ -s "$CLUSTER_DIR/$name.pid" ] && break; sleep 1; done
    echo "local-cluster: $name started (PID $(cat "$CLUSTER_DIR/$name.pid" 2>/dev/null), port offset $offset)"
}

start_node() { # N
    local n="$1" offset="${OFFSETS[$(($1 - 1))]}"
    # shellcheck disable=SC2086
    launch "node$n" "$offset" "$HA_XML" -Djboss.node.name="node$n" \
        -Dcrosscast.balancer.host=127.0.0.1 -Dcrosscast.balancer.port=$((8090 + BALANCER_OFFSET)) \
        -Dcrosscast.db.url="$DB_URL" -Dcrosscast.db.user="$DB_USER" -Dcrosscast.db.password="$DB_PASSWORD" \
        -Dcrosscast.smtp.port="$SMTP_PORT" $NODE_OPTS
}

ready() { # N: the node's readiness (management interface), UP or not
    curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((9990 + ${OFFSETS[$(($1 - 1))]}))/health/ready" || true
}

wait_ready() { # N
    local n="$1"
    for _ in $(seq 1 300); do
        [ "$(ready "$n")" = 200 ] && { echo "local-cluster: node$n ready"; return 0; }
        kill -0 "$(cat "$CLUSTER_DIR/node$n.pid" 2>/dev/null || echo 0)" 2>/dev/null || die "node$n died: $CLUSTER_DIR/node$n/log/server.log"
        sleep 2
    done
    die "node$n not ready after 10 minutes: $CLUSTER_DIR/node$n/log/server.log"
}

stop_one() { # name
    local pidfile="$CLUSTER_DIR/$1.pid"
    [ -f "$pidfile" ] || return 0
    local pid; pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
        echo "local-cluster: $1 stopped"
    fi
    rm -f "$pidfile"
}

case "${1:-}" in
    prepare) prepare ;;
    start)
        # always afresh: the scripts may have changed, and a build without -Ddb=postgresql removes the driver's module
        prepare
        launch balancer "$BALANCER_OFFSET" "$LB_XML"
        start_node 1
        wait_ready 1 # the first node migrates the database alone
        start_node 2
        wait_ready 2
        echo "local-cluster: up; the application through the balancer: http://localhost:$((8080 + BALANCER_OFFSET))/crosscast/"
        ;;
    start-node) start_node "${2:?node number}"; wait_ready "$2" ;;
    kill)
        pid="$(cat "$CLUSTER_DIR/node${2:?node number}.pid")"
        kill -9 "$pid" && rm -f "$CLUSTER_DIR/node$2.pid" && echo "local-cluster: node$2 (PID $pid) killed"
        ;;
    stop) for name in node2 node1 balancer; do stop_one "$name"; done ;;
    status)
        for name in balancer node1 node2; do
            pid="$(cat "$CLUSTER_DIR/$name.pid" 2>/dev/null || true)"
            if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then state="running (PID $pid)"; else state="not running"; fi
            case "$name" in node*) state="$state, ready: $(ready "${name#node}")" ;; esac
            echo "$name: $state"
        done
        ;;
    *) sed -n '2,28p' "$0"; exit 2 ;;
esac
