/** The server's settings, read once from the environment and checked at the edge. */
import { z } from 'zod';

const envSchema = z.object({
  /** The API's login: a member of leadledger_app, not a superuser, no BYPASSRLS. */
  DATABASE_URL: z.string().min(1),
  /** The owner that runs migrations (defaults to DATABASE_URL for a single-role dev setup that passes the checks). */
  MIGRATION_DATABASE_URL: z.string().min(1).optional(),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters'),
  /** 0 picks a free port (the tests do); the address is logged. */
  PORT: z.coerce.number().int().min(0).max(65535).default(4361),
  HOST: z.string().default('127.0.0.1'),
  /** Lifetime of an access token, in seconds. */
  TOKEN_TTL_SEC: z.coerce.number().int().min(30).max(3600).default(900),
  /** Fastify's log level: `info` logs every request; the bench's team part runs at `warn`. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Origins the web app is served from (space-separated, e.g. "https://leads.example.com"), allowed by CORS. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(/\s+/).filter(Boolean)),
});

export type ServerConfig = z.infer<typeof envSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Server configuration:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}
