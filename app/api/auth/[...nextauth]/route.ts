import { handlers } from "@/server/auth/config";
import { otherMethods } from "@/app/api/archive/attachments/respond";

export const { GET, POST } = handlers;

// Any other method: a 405 with a Chinese message (issue 16 #13).
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
