package dev.gatehouse.engine.model;

/** The period of a usage-plan quota. */
public enum QuotaPeriod {
    DAY, WEEK, MONTH
}
