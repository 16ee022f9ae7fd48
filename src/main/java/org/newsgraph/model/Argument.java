package org.newsgraph.model;

/**
 * An entity taking part in an event, in a role.
 *
 * @param role ACE 2005 role name, capitalised as in FORMAT.md: Agent, Defendant, Prosecutor, Target,
 *     Victim, Place, Entity, Person, Recipient, Attacker, Giver, ...
 * @param entity key of the entity
 */
public record Argument(String role, String entity) {}
