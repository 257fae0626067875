package fr.passerelle.web;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** For the widget's test classes: one {@link WidgetWorld} for the class, and no visitor left waiting between tests. */
abstract class OneWidgetWorldPerClass {
  static WidgetWorld world;

  @BeforeAll
  static void startWorld() {
    world = WidgetWorld.start(Map.of());
  }

  @AfterEach
  void eraseWhatATestLeft() {
    world.eraseWaitingVisitors();
  }

  @AfterAll
  static void stopWorld() {
    world.close();
  }
}
