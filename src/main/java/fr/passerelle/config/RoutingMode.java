package fr.passerelle.config;

/** How visitors reach workers: workers pick from the queue, the server offers, or both. */
public enum RoutingMode {
  PULL, PUSH, BOTH;

  public boolean pushes() {
    return this != PULL;
  }

  public boolean pulls() {
    return this != PUSH;
  }
}
