package fr.passerelle.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigurationDocTest {

  @Test
  void everySettingIsDocumentedWithItsYamlKeyAndVariable() throws IOException {
    String doc = Files.readString(Path.of("docs/configuration.md"));
    for (Setting setting : Setting.all()) {
      assertThat(doc).contains("| `" + setting.key() + "` | `" + setting.env() + "`");
    }
  }
}
