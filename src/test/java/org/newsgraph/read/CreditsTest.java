package org.newsgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.newsgraph.model.Article.Credit;

class CreditsTest {

  @Test
  void agencyFirst() {
    assertEquals(
        new Credit("Reuters", "Dado Ruvic", "REUTERS/Dado Ruvic/Illustration"),
        Credits.atEndOf("Toy figures are seen in this illustration taken March 19, 2020. REUTERS/Dado Ruvic/Illustration"));
    assertEquals(new Credit("AP", "Jane Doe", "AP Photo/Jane Doe"), Credits.atEndOf("A man walks. AP Photo/Jane Doe"));
    assertEquals(
        new Credit("Getty Images", "John Smith", "Getty Images/John Smith"),
        Credits.atEndOf("A protester in Hong Kong. (Getty Images/John Smith)"));
    assertEquals(new Credit("Xinhua", "Li Ming", "XINHUA/Li Ming"), Credits.atEndOf("XINHUA/Li Ming"));
    assertEquals(new Credit("Reuters", null, "REUTERS/File Photo"), Credits.atEndOf("A file picture. REUTERS/File Photo"));
  }

  @Test
  void personFirst() {
    assertEquals(new Credit("AFP", "John Smith", "Photo: John Smith/AFP"), Credits.atEndOf("Photo: John Smith/AFP"));
    assertEquals(
        new Credit("The Epoch Times", "Jane Doe", "Jane Doe/The Epoch Times"),
        Credits.atEndOf("Protesters gather at Victoria Park in Hong Kong. Jane Doe/The Epoch Times"));
    assertEquals(
        new Credit("AFP", "Jane Doe", "Jane Doe/AFP via Getty Images"),
        Credits.atEndOf("People attend an event. Jane Doe/AFP via Getty Images"));
    assertEquals(new Credit(null, "Jane Doe", "Photo by Jane Doe"), Credits.atEndOf("(Photo by Jane Doe)"));
  }

  @Test
  void ordinaryTextIsNoCredit() {
    assertNull(Credits.atEndOf("The band AC/DC"));
    assertNull(Credits.atEndOf("Officials said the and/or clause was unclear."));
    assertNull(Credits.atEndOf("U.S. prosecutors have charged a China-based executive of Zoom."));
  }
}
