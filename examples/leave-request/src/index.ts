export { createLeaveBot, type LeaveBot, type LeaveBotOptions } from './bot.js';
export { settingsFromEnv, type EnvSettings } from './config.js';
export { countDays, parseLeaveMessage, type LeaveAsk, type Parsed } from './parse.js';
export { LeaveBook, OncePerEvent, type LeaveRequest, type LeaveStatus } from './store.js';
