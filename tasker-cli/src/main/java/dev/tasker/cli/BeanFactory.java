package dev.tasker.cli;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/**
 * Creates the command classes without CDI: a command's constructor gets its arguments from a few objects by type
 * (the {@link SessionFactory}, the {@link VersionProvider}), as CDI would inject them.
 */
public record BeanFactory(Map<Class<?>, Object> beans) implements CommandLine.IFactory {

    public BeanFactory {
        beans = Map.copyOf(beans);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (beans.containsKey(type)) {
            return type.cast(beans.get(type));
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.getParameterCount() > 0 && Arrays.stream(c.getParameterTypes()).allMatch(beans::containsKey)) {
                Object[] args = Arrays.stream(c.getParameterTypes()).map(beans::get).toArray();
                c.setAccessible(true);
                return type.cast(c.newInstance(args));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}
