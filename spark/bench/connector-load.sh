#!/usr/bin/env bash
# Own load (Neo4jLoad) against the Neo4j Connector for Apache Spark 5.3.8 on the same rows, in Spark
# local[2] against a fresh embedded Neo4j per run (docs/spark.md, "Own mapping or the Neo4j
# Connector for Apache Spark"). A measurement, not a test. Needs the top-level
# `mvn -B install -DskipTests` and `mvn -B test-compile -f spark/pom.xml` first.
# Usage: spark/bench/connector-load.sh WORK [COPIES] [RUNS]   (COPIES: renamed copies of the 24 article
# graphs for the larger load; each run: own load with 8 and 2 shards, then the connector; then once
# the control: the same statements through the core's driver)
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(realpath -m "${1:?WORK folder}"); COPIES=${2:-40}; RUNS=${3:-3}
mkdir -p "$WORK"
CONNECTOR=org.neo4j:neo4j-connector-apache-spark_2.13:5.3.8_for_spark_3
JAR=~/.m2/repository/org/neo4j/neo4j-connector-apache-spark_2.13/5.3.8_for_spark_3/neo4j-connector-apache-spark_2.13-5.3.8_for_spark_3.jar
[ -f "$JAR" ] || mvn -B -q dependency:get -Dartifact=$CONNECTOR -Dtransitive=false
mvn -B -q -o dependency:build-classpath -f spark/pom.xml -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP=spark/target/test-classes:spark/target/classes:$(cat "$WORK/cp.txt")
# the connector bundles the Neo4j Java driver 4.4 as org.neo4j.driver: the core's driver 5 must not be beside it
CCP=$JAR:$(tr : '\n' <<<"$CP" | grep -v '/neo4j-java-driver-5' | paste -sd:)
OPENS=$(sed -n 's:.*<spark.add.opens>\(.*\)</spark.add.opens>.*:\1:p' spark/pom.xml)
JAVA="nice -n 19 java -Xmx3g -XX:+UseParallelGC $OPENS -Dnewsgraph.core.dir=$PWD -Dlog4j2.level=warn"
B=org.newsgraph.spark.ConnectorLoadBench
[ -f "$WORK/big/_rows/nodes.keys" ] || $JAVA -cp "$CP" $B prepare "$WORK" "$COPIES" 2>"$WORK/prepare.log" | grep -E "^(job|ROWS)"
for out in job big; do
  for i in $(seq "$RUNS"); do
    for shards in 8 2; do
      $JAVA -cp "$CP" $B own "file://$WORK/$out" "$WORK/$out-own.txt" $shards 2>>"$WORK/own.log" | grep RESULT | sed "s/^/$out /"
    done
    $JAVA -cp "$CCP" $B connector "file://$WORK/$out" "$WORK/$out-connector.txt" 2 5000 2>>"$WORK/connector.log" | grep RESULT | sed "s/^/$out /"
  done
  # the control, once: the connector's statements and batches sent by the core's driver
  $JAVA -cp "$CP" $B driver "file://$WORK/$out" "$WORK/$out-driver.txt" 2 5000 2>>"$WORK/driver.log" | grep RESULT | sed "s/^/$out /"
  diff "$WORK/$out-own.txt" "$WORK/$out-connector.txt" > "$WORK/$out.diff" || true
  echo "$out: snapshot lines only after the own load: $(grep -c '^<' "$WORK/$out.diff"), only after the connector: $(grep -c '^>' "$WORK/$out.diff")"
done
