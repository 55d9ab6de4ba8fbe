export { createRoomBot, type RoomBot, type RoomBotOptions } from './bot.js';
export { MAX_ROOMS, parseRooms, settingsFromEnv, type EnvSettings, type Room } from './config.js';
export { RoomStore, type Booking, type BookResult } from './store.js';
