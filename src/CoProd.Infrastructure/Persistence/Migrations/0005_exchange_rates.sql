-- CoProd 0005: exchange rates by date with their source, kept by admins. They suggest the rate a contribution
-- locks; a contribution stores its own locked rate (deal_contributions.rate_to_deal_currency), so rates added
-- later never change a deal. One rate per currency pair and day.

CREATE TABLE exchange_rates (
    id uuid NOT NULL,
    base_currency character varying(3) NOT NULL,
    quote_currency character varying(3) NOT NULL,
    rate numeric(28,12) NOT NULL,
    rate_date date NOT NULL,
    source character varying(200) NOT NULL,
    entered_by character varying(200) NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_exchange_rates PRIMARY KEY (id),
    CONSTRAINT ck_exchange_rates_currencies CHECK (base_currency <> quote_currency),
    CONSTRAINT ck_exchange_rates_rate CHECK (rate > 0),
    CONSTRAINT fk_exchange_rates_currencies_base_currency FOREIGN KEY (base_currency) REFERENCES currencies (code) ON DELETE RESTRICT,
    CONSTRAINT fk_exchange_rates_currencies_quote_currency FOREIGN KEY (quote_currency) REFERENCES currencies (code) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_exchange_rates_base_currency_quote_currency_rate_date ON exchange_rates (base_currency, quote_currency, rate_date);

CREATE INDEX ix_exchange_rates_quote_currency ON exchange_rates (quote_currency);

CREATE INDEX ix_exchange_rates_rate_date ON exchange_rates (rate_date);
