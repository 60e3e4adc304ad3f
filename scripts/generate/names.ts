// Name pools for synthetic officials, by region, plus a few names common across regions so that the same name
// turns up in several countries (the graph must keep them apart by country).
import type { Region } from './countries';

/** 'A, B, C' → ['A', 'B', 'C']: compact to read, one string per pool. */
const list = (names: string): readonly string[] => names.split(', ');

interface Pool {
  first: readonly string[];
  last: readonly string[];
}

export const NAME_POOLS: Record<Region, Pool> = {
  anglo: {
    first: list(
      'James, Mary, Robert, Patricia, Michael, Jennifer, William, Linda, David, Elizabeth, Richard, Susan, Thomas, Karen, Daniel, Sarah, Matthew, Emma, Andrew, Claire, Simon, Helen, Mark, Fiona',
    ),
    last: list(
      'Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Taylor, Clarke, Walker, Wright, Thompson, White, Hughes, Edwards, Green, Hall, Wood, Harris, Martin, Cooper, Ridley, Bennett',
    ),
  },
  southAsia: {
    first: list(
      'Ajay, Rajendra, Priya, Anil, Sunita, Vikram, Kavita, Rahul, Meena, Sanjay, Anjali, Arvind, Imran, Ayesha, Farhan, Nadia, Tariq, Sadia, Ruwan, Dilani, Bikash, Sita, Harish, Lakshmi',
    ),
    last: list(
      'Kumar, Sharma, Singh, Patel, Gupta, Reddy, Iyer, Nair, Bhalla, Verma, Chowdhury, Rahman, Hossain, Khan, Qureshi, Malik, Perera, Fernando, Silva, Shrestha, Thapa, Joshi, Mehta, Rao',
    ),
  },
  europe: {
    first: list(
      'Jean, Marie, Pierre, Sophie, Hans, Anna, Klaus, Julia, Giuseppe, Giulia, Carlos, Lucia, Jan, Eva, Lars, Ingrid, Mikael, Sofia, Pedro, Ana, Nikos, Eleni, Pieter, Annelies',
    ),
    last: list(
      'Martin, Bernard, Dubois, Lefebvre, Müller, Schmidt, Schneider, Fischer, Rossi, Russo, Ferrari, García, Fernández, López, de Vries, Jansen, Andersson, Johansson, Hansen, Nielsen, Santos, Ferreira, Papadopoulos, Peeters',
    ),
  },
  slavic: {
    first: list(
      'Piotr, Katarzyna, Andriy, Olena, Tomáš, Jana, Mihai, Elena, László, Zsófia, Milan, Jelena, Pavel, Irina, Marek, Agnieszka, Dmytro, Oksana, Stefan, Ivana, Bogdan, Alina, Viktor, Natalia',
    ),
    last: list(
      'Nowak, Kowalski, Wiśniewski, Shevchenko, Kovalenko, Bondarenko, Novák, Svoboda, Dvořák, Popescu, Ionescu, Nagy, Kovács, Tóth, Jovanović, Petrović, Nikolić, Kowalczyk, Melnyk, Horvat, Marković, Stan, Dumitru, Lewandowski',
    ),
  },
  mena: {
    first: list(
      'Mohammed, Fatima, Ahmed, Aisha, Omar, Layla, Khalid, Mariam, Youssef, Nour, Hassan, Salma, Ali, Zainab, Mehmet, Ayşe, Mustafa, Elif, Avi, Noa, Karim, Rania, Saeed, Huda',
    ),
    last: list(
      'Al-Mansouri, Al-Harbi, Al-Qahtani, Hassan, Ibrahim, Mahmoud, Abdullah, Haddad, Khoury, Nasser, Saleh, Yilmaz, Kaya, Demir, Şahin, Cohen, Levi, Mizrahi, Benali, El Amrani, Trabelsi, Al-Thani, Al-Sabah, Al-Busaidi',
    ),
  },
  africa: {
    first: list(
      'Thabo, Naledi, Sipho, Lerato, Chinedu, Ngozi, Emeka, Amaka, Wanjiru, Kamau, Achieng, Otieno, Kwame, Ama, Kofi, Efua, Tunde, Funmilayo, Jabulani, Zanele, Mwangi, Njeri, Yaw, Abena',
    ),
    last: list(
      'Nkosi, Dlamini, Mokoena, Ndlovu, Okafor, Adeyemi, Okonkwo, Balogun, Mwangi, Ochieng, Kiplagat, Wambua, Mensah, Boateng, Asante, Owusu, Eze, Nwosu, Khumalo, Zulu, Kamau, Njoroge, Appiah, Darko',
    ),
  },
  eastAsia: {
    first: list(
      'Hiroshi, Yuki, Takeshi, Akiko, Min-jun, Ji-woo, Seo-yeon, Wei, Mei, Budi, Siti, Agus, Dewi, Ahmad, Nurul, Somchai, Suda, Minh, Lan, Jose, Maria, Rizal, Kenji, Haruka',
    ),
    last: list(
      'Sato, Suzuki, Takahashi, Tanaka, Watanabe, Kim, Lee, Park, Choi, Tan, Lim, Ng, Santoso, Wijaya, Hidayat, Abdul Rahman, Ismail, Srisai, Wongsakul, Nguyen, Tran, Reyes, Cruz, Bautista',
    ),
  },
  latam: {
    first: list(
      'José, María, Juan, Ana, Luis, Carmen, Carlos, Gabriela, Jorge, Valentina, Diego, Camila, Andrés, Daniela, Fernando, Paula, Ricardo, Lucía, Alejandro, Isabel, João, Beatriz, Rafael, Mariana',
    ),
    last: list(
      'González, Rodríguez, Hernández, Martínez, Pérez, Sánchez, Ramírez, Torres, Flores, Rivera, Gómez, Díaz, Morales, Vargas, Castro, Rojas, Silva, Oliveira, Souza, Costa, Pereira, Mendoza, Herrera, Guerrero',
    ),
  },
};

/** Names found in many countries' civil services; reused on purpose so that one name denotes several people. */
export const SHARED_NAMES: readonly string[] = [
  'Ali Hassan',
  'Maria Silva',
  'John Smith',
  'Ana Martins',
  'David Cohen',
  'Omar Ibrahim',
  'Daniel Lee',
  'Sara Khan',
  'Michael Brown',
  'Elena Popescu',
  'Peter Novak',
  'Laura Garcia',
];

export const MIDDLE_INITIALS = 'ABCDEFGHJKLMNPRSTVW'.split('');
