package org.newsgraph.model;

import java.util.Locale;

/**
 * Relation predicates between entities, as defined in the gold-annotation format
 * ({@code shared/gold/FORMAT.md}), plus the two metadata roles an article gives people.
 */
public enum Predicate {
  /** PERSON to ORGANIZATION: works for or belongs to. */
  EMPLOYEE_OR_MEMBER_OF(false),
  /** PERSON to ORGANIZATION: founded it. */
  FOUNDER_OF(false),
  /** PERSON to ORGANIZATION or GPE: heads it. */
  LEADER_OF(false),
  /** PERSON to literal: a job title or honorific such as "Acting U.S. Attorney". */
  TITLE(true),
  /** PERSON to literal: a criminal charge. */
  CHARGED_WITH(true),
  /** PERSON to GPE or LOCATION: lives there. */
  RESIDES_IN(false),
  /** PERSON to GPE: citizen of. */
  NATIONALITY(false),
  /** ORGANIZATION to GPE or LOCATION: headquartered there. */
  BASED_IN(false),
  /** ORGANIZATION to ORGANIZATION or GPE: a unit of it. */
  PART_OF(false),
  /** PERSON or ORGANIZATION to ORGANIZATION or GPE: acts at its direction or on its behalf. */
  ACTS_FOR(false),
  /** PERSON to PERSON: a relative. */
  FAMILY_OF(false),
  /** LOCATION or GPE to GPE: lies within. */
  LOCATED_IN(false);

  private final boolean literal;

  Predicate(boolean literal) {
    this.literal = literal;
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
