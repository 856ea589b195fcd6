import { existsSync } from "node:fs";
import { createServer, type Server as HttpServer } from "node:http";
import { join } from "node:path";
import { createAdapter } from "@socket.io/redis-adapter";
import compression from "compression";
import express from "express";
import type { Redis } from "ioredis";
import { Server } from "socket.io";
import type { AppServer } from "./app-types.ts";
import { ballotHandlers } from "./live/ballot-handlers.ts";
import { joinCardRoom } from "./live/card-sockets.ts";
import { decisionHandlers } from "./live/decision-handlers.ts";
import { evaluationHandlers } from "./live/evaluation-handlers.ts";
import { joinHandlers } from "./live/join-handlers.ts";
import { lockHandlers } from "./live/lock-handlers.ts";
import { questionScreenHandlers } from "./live/question-handlers.ts";
import { revealHandlers } from "./live/reveal-handlers.ts";
import { sessionHandlers } from "./live/session-handlers.ts";
import { startSweeper } from "./live/sweeper.ts";
import { type Handlers, registerCommands } from "./platform/command-router.ts";
import { guardAdapterClients } from "./platform/guarded-adapter-clients.ts";
import { httpRoutes } from "./platform/http-routes.ts";
import type { Logger } from "./platform/logger.ts";
import { securityHeaders } from "./platform/security-headers.ts";
import type { Db } from "./records/db.ts";
import { createServices, type Services } from "./services.ts";
import { announcementRoutes } from "./setup/announcement-routes.ts";
import { applicationHandlers } from "./setup/application-handlers.ts";
import { draftHandlers } from "./setup/draft-handlers.ts";
import { drawHandlers } from "./setup/draw-handlers.ts";
import { drawRoutes } from "./setup/draw-routes.ts";
import { postsHandlers } from "./setup/posts-handlers.ts";
import { questionHandlers } from "./setup/question-handlers.ts";
import { registerHandlers } from "./setup/register-handlers.ts";
import { registerRoutes } from "./setup/register-routes.ts";
import { reviewRoutes } from "./setup/review-routes.ts";
import { setupHandlers } from "./setup/setup-handlers.ts";

export interface AppDeps {
  /** Commands and scripts. */
  redis: Redis;
  /** Two more connections for the socket.io adapter (pub/sub needs its own). */
  pubClient: Redis;
  subClient: Redis;
  /** The records (PostgreSQL), migrated to the latest schema by the caller. */
  db: Db;
  keyPrefix: string;
  publicUrl: () => string;
  logger: Logger;
  /** Built client (dist/client); pages are not served when it is missing (API tests). */
  clientDir?: string;
  tallyIntervalMs?: number;
  /** How often this node finishes what a dead node left undone (sweeper.ts). */
  sweepIntervalMs?: number;
  /** Proxies trusted for X-Forwarded-For (config TRUST_PROXY); none by default. */
  trustProxy?: string[];
}

export interface App {
  http: HttpServer;
  io: AppServer;
  services: Services;
  close(): Promise<void>;
}

/** Page routes: each page is its own small bundle. */
const PAGES: Record<string, string> = {
  "/": "index.html",
  "/v": "phone.html",
  "/screen": "screen.html",
  "/chair": "chair.html",
  "/observer": "chair.html",
  "/results": "results.html",
  // A round's public announcement (公告): one page, the round named in the path.
  "/a/:roundId": "announcement.html",
  // The qualification review's outcome, published inside the unit (竞聘人员名单).
  "/r/:roundId": "review.html",
};

/** Builds the HTTP + socket.io server; listens on nothing (the caller does). */
export function createApp(deps: AppDeps): App {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.trustProxy?.length ? deps.trustProxy : false);
  const http = createServer(app);
  const { pubClient, subClient } = guardAdapterClients(deps.pubClient, deps.subClient, deps.logger);
  const io: AppServer = new Server(http, {
    adapter: createAdapter(pubClient, subClient, {
      key: `${deps.keyPrefix}socket.io`,
    }),
    // Ballots are tiny; a round file is the largest payload.
    maxHttpBufferSize: 1_000_000,
    // A phone on hall Wi-Fi may stall for a while; give it time before declaring it gone.
    pingInterval: 20_000,
    pingTimeout: 25_000,
  });
  const tallyIntervalMs = deps.tallyIntervalMs ?? 300;
  const services = createServices({
    redis: deps.redis,
    db: deps.db,
    keyPrefix: deps.keyPrefix,
    io,
    logger: deps.logger,
    publicUrl: deps.publicUrl,
    tallyIntervalMs,
  });
  const handlers: Handlers = {
    ...joinHandlers(services),
    ...setupHandlers(services),
    ...draftHandlers(services),
    ...registerHandlers(services),
    ...postsHandlers(services),
    ...applicationHandlers(services),
    ...sessionHandlers(services),
    ...revealHandlers(services),
    ...ballotHandlers(services),
    ...lockHandlers(services),
    ...evaluationHandlers(services),
    ...decisionHandlers(services),
    ...drawHandlers(services),
    ...questionHandlers(services),
    ...questionScreenHandlers(services),
  };

  io.use(async (socket, next) => {
    try {
      const principal = await services.auth.resolve(socket.handshake.auth?.token);
      if (!principal) return next(new Error("unauthorized"));
      socket.data.principal = principal;
      next();
    } catch (err) {
      deps.logger.error("auth failed", { err: String(err) });
      next(new Error("internal"));
    }
  });
  io.on("connection", (socket) => {
    registerCommands(socket, handlers, deps.logger);
    const stillValid = async () =>
      (await services.auth.resolve(socket.handshake.auth?.token)) !== null;
    joinCardRoom(socket, stillValid).catch((err) => {
      deps.logger.error("card room join failed", { err: String(err) });
      socket.disconnect();
    });
  });

  // Pages and exports gzipped: a phone on a crowded hall Wi-Fi loads a third of the bytes.
  app.use(compression());
  app.use(securityHeaders);
  app.use(registerRoutes(services));
  app.use(announcementRoutes(services));
  app.use(reviewRoutes(services));
  app.use(drawRoutes(services));
  app.use(httpRoutes(services));
  if (deps.clientDir && existsSync(deps.clientDir)) {
    const dir = deps.clientDir;
    for (const [route, file] of Object.entries(PAGES)) {
      app.get(route, (_req, res) => {
        res.set("Cache-Control", "no-cache");
        res.sendFile(join(dir, file));
      });
    }
    app.use(express.static(dir, { index: false, maxAge: "1h" }));
  }

  const sweeper = startSweeper(services, deps.sweepIntervalMs ?? tallyIntervalMs);

  return {
    http,
    io,
    services,
    async close() {
      sweeper.stop();
      services.tally.stop();
      await io.close();
      if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
