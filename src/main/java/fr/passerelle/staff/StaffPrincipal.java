package fr.passerelle.staff;

/** Who a verified access token speaks for. */
public record StaffPrincipal(String staffId, String username, Role role) {}
