package dev.tasker.it.chaos;

/**
 * How long and how hard the soak runs, from system properties (scripts/chaos.sh sets them):
 * {@code tasker.chaos.minutes} of load (default 2), {@code tasker.chaos.rate} tasks a second (default 3), and
 * {@code tasker.chaos.seed} for the draws of tasks and faults (default: the clock; printed, so a run's mix and
 * fault sequence can be drawn again, though not its timing).
 */
record ChaosSettings(int minutes, double tasksPerSecond, long seed) {

    ChaosSettings {
        if (minutes < 1 || minutes > 24 * 60) {
            throw new IllegalArgumentException("tasker.chaos.minutes must be 1 to 1440, got " + minutes);
        }
        if (!(tasksPerSecond > 0 && tasksPerSecond <= 100)) {
            throw new IllegalArgumentException("tasker.chaos.rate must be above 0 and at most 100, got "
                    + tasksPerSecond);
        }
    }

    static ChaosSettings fromSystemProperties() {
        return new ChaosSettings(Integer.parseInt(property("tasker.chaos.minutes", "2")),
                Double.parseDouble(property("tasker.chaos.rate", "3")),
                Long.parseLong(property("tasker.chaos.seed", Long.toString(System.currentTimeMillis()))));
    }

    /** Maven passes a property it has no value for as an empty string: that is the default too. */
    private static String property(String name, String otherwise) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }
}
