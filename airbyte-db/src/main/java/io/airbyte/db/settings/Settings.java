package io.airbyte.db.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Declaration lists put together (a process's record lists its components' settings and its own). */
public final class Settings {

  private Settings() {}

  public static List<Setting<?>> concat(List<? extends Setting<?>>... lists) {
    List<Setting<?>> all = new ArrayList<>();
    for (List<? extends Setting<?>> list : lists) {
      for (Setting<?> s : list) {
        if (all.stream().noneMatch(a -> a.name().equals(s.name()))) {
          all.add(s);
        }
      }
    }
    return Collections.unmodifiableList(all);
  }
}
