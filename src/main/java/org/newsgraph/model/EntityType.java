package org.newsgraph.model;

/**
 * Coarse entity types, the same four as the gold-annotation format ({@code shared/gold/FORMAT.md}).
 * GPE and LOCATION follow ACE 2005: a GPE is a geo-political entity (country, state, city), a
 * LOCATION any other place (squares, rivers, regions).
 */
public enum EntityType {
  PERSON,
  ORGANIZATION,
  GPE,
  LOCATION;

  /** True for GPE and LOCATION, which the ontology models as kinds of Place. */
  public boolean isPlace() {
    return this == GPE || this == LOCATION;
  }
}
