package fr.passerelle.widget;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The HTML an organisation pastes into its site: an import map that pins the SHA-384 of every module the widget
 * loads, and the widget's module script with its own integrity value and the organisation's pinned identity.
 *
 * @param importMap the text of the {@code <script type="importmap">} element, which a host page's
 *     Content-Security-Policy allows by its {@link #importMapHash() hash}
 * @param html both elements, ready to paste
 */
public record Snippet(String version, String importMap, String html) {
  /** What the widget reads from its script tag. */
  public record Identity(String orgId, String orgName, String rootPublicKey, Optional<String> exitUrl) {}

  /**
   * @param base the address the files are served from, such as {@code https://chat.example.org}, or {@code ""} for
   *     a page of this server itself
   */
  public static Snippet of(WidgetFiles files, String base, Identity identity) {
    String root = base + "/v/" + files.version() + "/";
    JsonObject integrity = new JsonObject();
    files.integrity().forEach((path, value) -> integrity.put(root + path, value));
    // "<" never appears in these URLs or values; escaped anyway, so that no text can close the element.
    String importMap = new JsonObject().put("integrity", integrity).encode().replace("<", "\\u003c");
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("type", "module");
    attributes.put("src", root + "widget/widget.js");
    attributes.put("integrity", files.integrity().get("widget/widget.js"));
    attributes.put("crossorigin", "anonymous");
    attributes.put("data-org-id", identity.orgId());
    attributes.put("data-org-name", identity.orgName());
    attributes.put("data-root-key", identity.rootPublicKey());
    identity.exitUrl().ifPresent(url -> attributes.put("data-exit-url", url));
    StringBuilder html = new StringBuilder("<script type=\"importmap\">").append(importMap)
        .append("</script>\n<script");
    attributes.forEach((name, value) -> html.append(' ').append(name).append("=\"").append(escape(value)).append('"'));
    html.append("></script>");
    return new Snippet(files.version(), importMap, html.toString());
  }

  /** {@code 'sha256-…'}: the CSP source that allows this import map and no other inline script. */
  public String importMapHash() {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(importMap.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(hash) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
