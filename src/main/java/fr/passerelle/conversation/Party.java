package fr.passerelle.conversation;

/** The two ends of a conversation. */
public enum Party {
  VISITOR, WORKER;

  public Party other() {
    return this == VISITOR ? WORKER : VISITOR;
  }

  public String wire() {
    return name().toLowerCase();
  }
}
