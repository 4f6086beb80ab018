package dev.meshcert.kube.pull;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Optional;

/**
 * The Gson that writes and reads the {@code mesh} records of a snapshot (pods, policies, control
 * planes) as plain JSON: {@code Optional} as the value or {@code null}, {@code Instant} as RFC 3339
 * text, nulls written so that every field is present.
 */
final class SnapshotJson {

  static final Gson GSON =
      new GsonBuilder()
          .serializeNulls()
          .disableHtmlEscaping()
          .registerTypeAdapterFactory(new OptionalFactory())
          .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
          .create();

  private SnapshotJson() {}

  private static final class InstantAdapter extends TypeAdapter<Instant> {
    @Override
    public void write(JsonWriter out, Instant value) throws IOException {
      out.value(value.toString());
    }

    @Override
    public Instant read(JsonReader in) throws IOException {
      return Instant.parse(in.nextString());
    }
  }

  private static final class OptionalFactory implements TypeAdapterFactory {
    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      if (type.getRawType() != Optional.class) {
        return null;
      }
      Type inner =
          type.getType() instanceof ParameterizedType p
              ? p.getActualTypeArguments()[0]
              : Object.class;
      TypeAdapter<Object> delegate = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(inner));
      return (TypeAdapter<T>)
          new TypeAdapter<Optional<Object>>() {
            @Override
            public void write(JsonWriter out, Optional<Object> value) throws IOException {
              if (value == null || value.isEmpty()) {
                out.nullValue();
              } else {
                delegate.write(out, value.get());
              }
            }

            @Override
            public Optional<Object> read(JsonReader in) throws IOException {
              if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return Optional.empty();
              }
              return Optional.ofNullable(delegate.read(in));
            }
          };
    }
  }
}
