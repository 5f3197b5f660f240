/** The engine's keys in `instellingen`: the connection, and how far sync has come. */
export const K = {
  server: 'sync.server',
  vernieuw: 'sync.vernieuwtoken',
  apparaat: 'sync.apparaat',
  gebruiker: 'sync.gebruiker',
  laatste: 'sync.laatste',
  /** The last access-log line the central service has (NEN 7513: kept there). */
  logVerzonden: 'sync.toegangslog',
  /** The log position (`LogStand`) last proved to the service. */
  logStand: 'sync.toegangslog-stand',
  /** The quarantine as last reported to the service. */
  quarantaineGemeld: 'sync.quarantaine',
} as const;
