package fr.passerelle.app;

import fr.passerelle.config.PasserelleConfig;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.staff.NewStaff;

/** What the operator reads at start-up: where the node listens and, in demo mode, a loud warning and the accounts. */
final class Banner {
  private Banner() {}

  static void started(Passerelle node, boolean adminCreated) {
    System.out.printf("Passerelle listening on port %d (management port %d)%n", node.port(), node.managementPort());
    if (adminCreated) {
      System.out.println("Created the first administrator account (bootstrap.adminUsername).");
    }
  }

  static void demo(PasserelleConfig config, Passerelle node, String password, boolean generated) {
    String base = "http://localhost:" + node.port();
    StringBuilder out = new StringBuilder();
    out.append("\n=====================================================================\n")
        .append("  PASSERELLE DEMO MODE: in-memory store, demo accounts, NOT FOR REAL USE\n")
        .append("  Everything is lost when the process stops.\n")
        .append("=====================================================================\n")
        .append("  Organisation    ").append(config.demo().organisation()).append('\n')
        .append("  Organisation id ").append(config.organisation().id()).append('\n')
        .append("  Root public key ").append(Base64Url.encode(node.organisationRoot().publicKey()))
        .append(node.organisationRoot().isDemo() ? "   (demo key, in memory only)" : "").append('\n')
        .append("  Demo site       ").append(base).append("/   (the visitor widget, as a visitor sees it)\n")
        .append("  Worker console  ").append(base).append("/console/\n")
        .append("  Supervision     ").append(base).append("/supervisor/\n")
        .append("  Intake inbox    ").append(base).append("/intake/   (an association's referrals)\n")
        .append("  Public API      ").append(base).append("/api/v1\n")
        .append("  API reference   ").append(base).append("/api-docs/\n")
        .append("  Visitor socket  ws://localhost:").append(node.port()).append("/ws/visitor\n")
        .append("  Worker socket   ws://localhost:").append(node.port()).append("/ws/worker\n")
        .append("  Supervisor feed ws://localhost:").append(node.port()).append("/ws/supervisor\n")
        .append("  Health, metrics http://").append(config.http().managementHost()).append(':')
        .append(node.managementPort()).append("/health/ready, /metrics\n")
        .append("  Accounts (username: role):\n");
    for (NewStaff a : DemoData.ACCOUNTS) {
      out.append("    ").append(a.username()).append(": ").append(a.role().wire()).append('\n');
    }
    out.append("  Password for every demo account: ")
        .append(generated ? password + "   (random; set PASSERELLE_DEMO_PASSWORD to choose it)" : "(as configured)")
        .append("\n=====================================================================\n");
    System.out.println(out);
  }
}
