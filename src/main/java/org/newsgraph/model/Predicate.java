package org.newsgraph.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Relation predicates between entities, as defined in the gold-annotation format
 * ({@code shared/gold/FORMAT.md}), plus the two metadata roles an article gives people.
 */
public enum Predicate {
  /** PERSON to ORGANIZATION: works for or belongs to. */
  EMPLOYEE_OR_MEMBER_OF(false, EnumSet.of(EntityType.PERSON), EnumSet.of(EntityType.ORGANIZATION)),
  /** PERSON to ORGANIZATION: founded it. */
  FOUNDER_OF(false, EnumSet.of(EntityType.PERSON), EnumSet.of(EntityType.ORGANIZATION)),
  /** PERSON to ORGANIZATION or GPE: heads it. */
  LEADER_OF(false, EnumSet.of(EntityType.PERSON), EnumSet.of(EntityType.ORGANIZATION, EntityType.GPE)),
  /** PERSON to literal: a job title or honorific such as "Acting U.S. Attorney". */
  TITLE(true, EnumSet.of(EntityType.PERSON), EnumSet.noneOf(EntityType.class)),
  /** PERSON to literal: a criminal charge. */
  CHARGED_WITH(true, EnumSet.of(EntityType.PERSON), EnumSet.noneOf(EntityType.class)),
  /** PERSON to GPE or LOCATION: lives there. */
  RESIDES_IN(false, EnumSet.of(EntityType.PERSON), EnumSet.of(EntityType.GPE, EntityType.LOCATION)),
  /** PERSON to GPE: citizen of. */
  NATIONALITY(false, EnumSet.of(EntityType.PERSON), EnumSet.of(EntityType.GPE)),
  /** ORGANIZATION to GPE or LOCATION: headquartered there. */
  BASED_IN(false, EnumSet.of(EntityType.ORGANIZATION), EnumSet.of(EntityType.GPE, EntityType.LOCATION)),
  /** ORGANIZATION to ORGANIZATION or GPE: a unit of it. */
  PART_OF(false, EnumSet.of(EntityType.ORGANIZATION), EnumSet.of(EntityType.ORGANIZATION, EntityType.GPE)),
  /** PERSON or ORGANIZATION to ORGANIZATION or GPE: acts at its direction or on its behalf. */
  ACTS_FOR(false, EnumSet.of(EntityType.PERSON, EntityType.ORGANIZATION), EnumSet.of(EntityType.ORGANIZATION, EntityType.GPE)),
  /** PERSON to PERSON: a relative. */
  FAMILY_OF(false, EnumSet.of(EntityType.PERSON), EnumSet.of(EntityType.PERSON)),
  /** LOCATION or GPE to GPE: lies within. */
  LOCATED_IN(false, EnumSet.of(EntityType.GPE, EntityType.LOCATION), EnumSet.of(EntityType.GPE));

  private final boolean literal;
  private final Set<EntityType> domain;
  private final Set<EntityType> range;

  Predicate(boolean literal, Set<EntityType> domain, Set<EntityType> range) {
    this.literal = literal;
    this.domain = domain;
    this.range = range;
  }

  /** Entity types the subject may have (the table in FORMAT.md). */
  public Set<EntityType> domain() {
    return EnumSet.copyOf(domain);
  }

  /** Entity types the object may have; empty for literal-valued predicates. */
  public Set<EntityType> range() {
    return range.isEmpty() ? EnumSet.noneOf(EntityType.class) : EnumSet.copyOf(range);
  }

  /** True when an entity of type {@code subject} may be this predicate's subject and {@code object} its object. */
  public boolean allows(EntityType subject, EntityType object) {
    return domain.contains(subject) && (object == null ? literal : range.contains(object));
  }

  /** True when the object is a literal string rather than an entity. */
  public boolean literalObject() {
    return literal;
  }

  /** The name used in gold files, e.g. {@code employee_or_member_of}. */
  public String goldName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The ontology's local name, lower camel case, e.g. {@code employeeOrMemberOf}. */
  public String localName() {
    String[] parts = goldName().split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return sb.toString();
  }
}
