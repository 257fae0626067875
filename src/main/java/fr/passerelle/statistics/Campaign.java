package fr.passerelle.statistics;

/**
 * A campaign code that outreach links carry (docs/architecture.md, statistics): which site or action, in which
 * département. The code is what the link says; the label is the admin's description of it.
 */
public record Campaign(String code, String label, String departement) {}
