package org.newsgraph.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The role frames of {@code event-frames.tsv}: for each event type, which argument role each
 * syntactic slot of a trigger fills ("subj" of an attack is the Attacker, its "prep:on" phrase the
 * Target). A trigger inherits its type's frame and may override single slots ({@code
 * event-triggers.tsv}: "die ... subj-intr=Victim"), so a new trigger word needs no rule of its own.
 *
 * <p>Look-up order for a slot: the trigger's override, the type's row, the row of type {@code *};
 * then the slot's fallback ({@code subj-intr} -> {@code subj}; {@code of} -> {@code subj-intr} ->
 * {@code obj}; {@code obj.of} only where a frame gives it). A role written {@code =slot} is that slot's role;
 * {@code -} is none (a trigger whose object is no participant, "succeeded X").
 */
final class RoleFrames {
  /** The slot names a frame or an override may use, besides {@code prep:X}. */
  static final Set<String> SLOTS = Set.of("subj", "subj-intr", "obj", "iobj", "of", "poss", "compound", "obj.of");

  /** A role name: a capitalised word ("Victim"), or "=" and a slot. */
  private static final Pattern ROLE = Pattern.compile("[A-Z][A-Za-z]*|=[a-z.:-]+|-");

  private static final RoleFrames SHARED = new RoleFrames(Lexicons.lines("event-frames.tsv"));

  private final Map<String, Map<String, String>> byType = new HashMap<>();

  RoleFrames(Iterable<String> lines) {
    for (String l : lines) {
      String[] c = l.split("\t");
      if (c.length < 3 || !isSlot(c[1]) || !ROLE.matcher(c[2]).matches()) {
        throw new IllegalStateException("event-frames.tsv: bad line '" + l + "'");
      }
      byType.computeIfAbsent(c[0], k -> new HashMap<>()).put(c[1], c[2]);
    }
  }

  /** The frames of {@code event-frames.tsv}. */
  static RoleFrames shared() {
    return SHARED;
  }

  /** Whether a name is a slot ("subj", "prep:against", ...). */
  static boolean isSlot(String name) {
    return SLOTS.contains(name) || (name.startsWith("prep:") && name.length() > 5);
  }

  /** Whether a value is a role name (as opposed to a condition's word list). */
  static boolean isRole(String value) {
    return ROLE.matcher(value).matches();
  }

  /**
   * The role a slot fills for a trigger of this type.
   *
   * @param overrides the trigger's own slot roles (may be empty)
   * @return the role, or null when the slot fills none
   */
  String role(String type, Map<String, String> overrides, String slot) {
    String r = lookUp(type, overrides, slot);
    if (r == null) {
      switch (slot) {
        case "subj-intr":
          r = role(type, overrides, "subj");
          break;
        case "of":
          r = lookUp(type, overrides, "subj-intr");
          r = r != null ? r : role(type, overrides, "obj");
          break;
        default:
          break;
      }
    }
    if (r != null && r.startsWith("=")) {
      return role(type, overrides, r.substring(1));
    }
    return "-".equals(r) ? null : r;
  }

  private String lookUp(String type, Map<String, String> overrides, String slot) {
    String r = overrides.get(slot);
    if (r == null) {
      r = byType.getOrDefault(type, Map.of()).get(slot);
    }
    if (r == null) {
      r = byType.getOrDefault("*", Map.of()).get(slot);
    }
    return r;
  }

  /** Whether the type has any frame row. */
  boolean knows(String type) {
    return byType.containsKey(type);
  }
}
