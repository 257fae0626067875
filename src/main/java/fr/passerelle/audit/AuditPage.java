package fr.passerelle.audit;

import java.util.List;
import java.util.Optional;

/** Entries newest first, and where the next page starts if there are more. */
public record AuditPage(List<AuditEntry> entries, Optional<AuditCursor> next) {}
