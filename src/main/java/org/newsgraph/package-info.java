/**
 * newsgraph: a knowledge-graph builder for news. Articles are read ({@code read}), annotated and
 * extracted ({@code extract}) into {@code model} values, mapped to RDF ({@code rdf}) and loaded into
 * Neo4j ({@code neo4j}); {@code cli} is the command line. See DESIGN.md in the shared folder.
 */
package org.newsgraph;
